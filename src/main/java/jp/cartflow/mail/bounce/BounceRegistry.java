package jp.cartflow.mail.bounce;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/** Bounce flags on recipient addresses (BNC-2, BNC-3). Addresses are compared lower-cased. */
@Service
public class BounceRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;

    public BounceRegistry(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A flagged address: what the operator is warned about before a mail goes to it. */
    public record Flag(String email, String kind, int count, Instant lastBouncedAt, String diagnostic) {
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm");

        /** For the operator, in the business time zone, e.g. "ハード バウンス 1 回 (最終: 2026年11月21日 8:07) — 550 …". */
        public String summary(ZoneId zone) {
            return "%s バウンス %d 回 (最終: %s)%s".formatted("HARD".equals(kind) ? "ハード" : "ソフト", count,
                    WHEN.format(lastBouncedAt.atZone(zone)), diagnostic == null ? "" : " — " + diagnostic);
        }
    }

    public Optional<Flag> flag(long shopId, String email) {
        if (email == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT email, bounce_kind, bounce_count, last_bounced_at, diagnostic FROM bounce_record
                WHERE shop_id = :shop AND email = :email AND flagged = TRUE""")
                .param("shop", shopId).param("email", normalize(email))
                .query((rs, n) -> new Flag(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .optional();
    }

    /** BNC-3: a non-newsletter mail delivered to the address clears its bounce record. */
    public boolean clear(long shopId, String email, String clearedBy) {
        return jdbc.sql("""
                UPDATE bounce_record SET flagged = FALSE, bounce_count = 0, cleared_at = :now, cleared_by = :by
                WHERE shop_id = :shop AND email = :email AND (flagged = TRUE OR bounce_count > 0)""")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("by", clearedBy).param("shop", shopId).param("email", normalize(email))
                .update() > 0;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
