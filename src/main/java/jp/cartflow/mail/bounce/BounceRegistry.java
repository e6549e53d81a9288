package jp.cartflow.mail.bounce;

import jp.cartflow.platform.errors.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bounce flags on recipient addresses (BNC-2, BNC-3): the read API the member and order features call to show the
 * flag and to warn before a send, the automatic clear after a delivered non-newsletter mail, and the manual reset.
 * Addresses are compared lower-cased.
 */
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

    /** BNC-2 for a list (orders, members): the flagged ones among the addresses, by lower-cased address. */
    public Map<String, Flag> flags(long shopId, Collection<String> emails) {
        List<String> wanted = emails.stream().filter(e -> e != null && !e.isBlank()).map(BounceRegistry::normalize)
                .distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, Flag> flags = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT email, bounce_kind, bounce_count, last_bounced_at, diagnostic FROM bounce_record
                WHERE shop_id = :shop AND email IN (:emails) AND flagged = TRUE""")
                .param("shop", shopId).param("emails", wanted)
                .query((rs, n) -> new Flag(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list().forEach(f -> flags.put(f.email(), f));
        return flags;
    }

    /**
     * BNC-2 for a send from an order over REST: a flagged recipient stops the send with 409 unless the caller
     * confirmed it; returns the note to record with the user when it was confirmed.
     */
    public Optional<String> requireConfirmation(long shopId, String email, boolean confirmed) {
        Optional<Flag> flag = flag(shopId, email);
        if (flag.isEmpty()) {
            return Optional.empty();
        }
        String summary = flag.get().summary(ZoneId.of("Asia/Tokyo"));
        if (!confirmed) {
            throw DomainException.conflict("BNC-2", "confirmBounced",
                    "宛先 " + flag.get().email() + " はバウンスしています (" + summary
                            + ")。送る場合は confirmBounced: true を付けてください");
        }
        return Optional.of("バウンス警告を確認のうえ送信 / sent despite bounce warning: " + summary);
    }

    /** BNC-3: an operator resets the flag by hand, with a reason; audited in bounce_reset. */
    @Transactional
    public boolean reset(long shopId, String email, String operator, String reason) {
        String address = normalize(email);
        record Was(String kind, int count) {
        }
        Optional<Was> was = jdbc.sql("""
                SELECT bounce_kind, bounce_count FROM bounce_record WHERE shop_id = :shop AND email = :email
                AND (flagged = TRUE OR bounce_count > 0)""")
                .param("shop", shopId).param("email", address)
                .query((rs, n) -> new Was(rs.getString(1), rs.getInt(2))).optional();
        if (was.isEmpty()) {
            return false;
        }
        clear(shopId, address, operator);
        jdbc.sql("""
                INSERT INTO bounce_reset (shop_id, email, reset_by, reason, was_kind, was_count, reset_at)
                VALUES (:shop, :email, :by, :reason, :kind, :count, :at)""")
                .param("shop", shopId).param("email", address).param("by", operator).param("reason", reason)
                .param("kind", was.get().kind()).param("count", was.get().count())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return true;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
