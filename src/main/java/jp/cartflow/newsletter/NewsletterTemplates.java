package jp.cartflow.newsletter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/** Reusable newsletter templates; the editor refuses one without the unsubscribe tag or with an attachment. */
@Service
class NewsletterTemplates {

    private final JdbcClient jdbc;
    private final Clock clock;

    NewsletterTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Template(String code, String subject, String body) {
    }

    @Transactional
    Template save(long shopId, String code, String subject, String body, String user) {
        NewsletterRules.requireValidText(subject, body);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                UPDATE newsletter_template SET subject = :subject, body = :body, updated_at = :now, updated_by = :user
                WHERE shop_id = :shop AND code = :code""")
                .param("subject", subject).param("body", body).param("now", now).param("user", user)
                .param("shop", shopId).param("code", code).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO newsletter_template (shop_id, code, subject, body, updated_at, updated_by)
                    VALUES (:shop, :code, :subject, :body, :now, :user)""")
                    .param("shop", shopId).param("code", code).param("subject", subject).param("body", body)
                    .param("now", now).param("user", user).update();
        }
        return new Template(code, subject, body);
    }

    Optional<Template> find(long shopId, String code) {
        return jdbc.sql("SELECT code, subject, body FROM newsletter_template WHERE shop_id = :shop AND code = :code")
                .param("shop", shopId).param("code", code)
                .query((rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }
}
