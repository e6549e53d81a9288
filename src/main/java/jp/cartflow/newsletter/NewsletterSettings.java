package jp.cartflow.newsletter;

import jp.cartflow.member.MarketingConsentService;
import jp.cartflow.platform.errors.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A shop's newsletter settings: switched on, the sender every newsletter names (特定電子メール法), and whether
 * campaigns need an operator's approval. Switching newsletters on the first time needs an explicit answer to
 * "import existing members as consenting?" (MKT-2): a forgotten box must not make everybody a recipient.
 */
@Service
class NewsletterSettings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MarketingConsentService consents;

    NewsletterSettings(JdbcClient jdbc, Clock clock, MarketingConsentService consents) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.consents = consents;
    }

    record Settings(long shopId, boolean enabled, String senderName, String senderEmail, String postalAddress,
                    boolean approvalRequired, OffsetDateTime enabledAt, Boolean importedExisting) {
    }

    Optional<Settings> find(long shopId) {
        return jdbc.sql("""
                SELECT shop_id, enabled, sender_name, sender_email, postal_address, approval_required, enabled_at,
                    imported_existing FROM newsletter_settings WHERE shop_id = :shop""")
                .param("shop", shopId)
                .query((rs, n) -> new Settings(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getObject(7, OffsetDateTime.class),
                        (Boolean) rs.getObject(8)))
                .optional();
    }

    /** The settings of a shop that sends newsletters; 409 when it has not switched them on. */
    Settings requireEnabled(long shopId) {
        return find(shopId).filter(Settings::enabled).orElseThrow(() -> DomainException.conflict("enabled",
                "ニュースレターが有効になっていません。先に PUT /api/newsletter/settings で有効にしてください。"));
    }

    /** Saves; returns how many existing members the first switch-on imported as consenting. */
    @Transactional
    int save(long shopId, boolean enabled, String senderName, String senderEmail, String postalAddress,
             boolean approvalRequired, Boolean importExisting, String user) {
        Optional<Settings> before = find(shopId);
        boolean firstSwitchOn = enabled && before.map(s -> s.enabledAt() == null).orElse(true);
        if (firstSwitchOn && importExisting == null) {
            throw DomainException.rule("MKT-2", "importExistingMembersAsConsented",
                    "初めて有効にするときは、既存会員を「同意あり」として取り込むかどうかを必ず指定してください"
                            + " (true: 取り込む / false: 取り込まない)。");
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                UPDATE newsletter_settings SET enabled = :enabled, sender_name = :name, sender_email = :email,
                    postal_address = :address, approval_required = :approval, updated_at = :now,
                    enabled_at = COALESCE(enabled_at, :enabledAt),
                    imported_existing = COALESCE(imported_existing, :imported)
                WHERE shop_id = :shop""")
                .param("enabled", enabled).param("name", senderName).param("email", senderEmail)
                .param("address", postalAddress).param("approval", approvalRequired).param("now", now)
                .param("enabledAt", firstSwitchOn ? now : null).param("imported", firstSwitchOn ? importExisting : null)
                .param("shop", shopId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO newsletter_settings (shop_id, enabled, sender_name, sender_email, postal_address,
                        approval_required, enabled_at, imported_existing, updated_at)
                    VALUES (:shop, :enabled, :name, :email, :address, :approval, :enabledAt, :imported, :now)""")
                    .param("shop", shopId).param("enabled", enabled).param("name", senderName)
                    .param("email", senderEmail).param("address", postalAddress).param("approval", approvalRequired)
                    .param("enabledAt", firstSwitchOn ? now : null)
                    .param("imported", firstSwitchOn ? importExisting : null).param("now", now).update();
        }
        return firstSwitchOn && importExisting ? consents.importExistingMembersAsConsenting(shopId, user) : 0;
    }
}
