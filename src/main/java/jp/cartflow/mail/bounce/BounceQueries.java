package jp.cartflow.mail.bounce;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** What the bounce REST API lists: events with their decision, quarantined messages, runs, one address's state. */
@Service
public class BounceQueries {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final JdbcClient jdbc;

    public BounceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Event(long id, String recipient, String kind, String reason, String status, String diagnostic,
                        Instant receivedAt, String sourceMessageId, String decision) {
    }

    public record Quarantined(long id, String messageId, String subject, int sizeBytes, String reason, Instant receivedAt) {
    }

    public record Run(long id, String trigger, String processInstanceId, Instant startedAt, Instant finishedAt,
                      int fetched, int bounces, int nonBounces, int quarantined, int alreadyRecorded) {
    }

    public record Reset(String resetBy, String reason, String wasKind, Integer wasCount, Instant resetAt) {
    }

    public record AddressState(String email, boolean flagged, String kind, int count, Instant firstBouncedAt,
                               Instant lastBouncedAt, String diagnostic, Instant clearedAt, String clearedBy,
                               List<Event> events, List<Reset> resets) {
    }

    /** Events, newest first; {@code from}/{@code to} are business dates (Asia/Tokyo), both inclusive. */
    public List<Event> events(long shopId, String address, LocalDate from, LocalDate to, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT e.id, e.email, e.bounce_kind, e.reason, e.status_code, e.diagnostic, e.received_at, m.message_id,
                       e.decision
                FROM bounce_event e JOIN bounce_message m ON m.id = e.bounce_message_id
                WHERE e.shop_id = :shop""");
        if (address != null) {
            sql.append(" AND e.email = :email");
        }
        if (from != null) {
            sql.append(" AND e.received_at >= :from");
        }
        if (to != null) {
            sql.append(" AND e.received_at < :to");
        }
        sql.append(" ORDER BY e.received_at DESC, e.id DESC LIMIT :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("shop", shopId).param("limit", limit);
        if (address != null) {
            spec = spec.param("email", BounceRegistry.normalize(address));
        }
        if (from != null) {
            spec = spec.param("from", from.atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (to != null) {
            spec = spec.param("to", to.plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime());
        }
        return spec.query((rs, n) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8),
                rs.getString(9))).list();
    }

    public List<Quarantined> quarantine(long shopId, int limit) {
        return jdbc.sql("""
                SELECT id, message_id, subject, size_bytes, quarantine_reason, received_at FROM bounce_message
                WHERE shop_id = :shop AND verdict = 'QUARANTINE' ORDER BY received_at DESC, id DESC LIMIT :limit""")
                .param("shop", shopId).param("limit", limit)
                .query((rs, n) -> new Quarantined(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant())).list();
    }

    public Optional<byte[]> quarantinedContent(long shopId, long id) {
        return jdbc.sql("SELECT raw_content FROM bounce_message WHERE shop_id = :shop AND id = :id AND verdict = 'QUARANTINE'")
                .param("shop", shopId).param("id", id).query((rs, n) -> rs.getBytes(1)).optional();
    }

    public List<Run> runs(long shopId, int limit) {
        return jdbc.sql("""
                SELECT id, trigger_kind, process_instance_id, started_at, finished_at, fetched, bounces, non_bounces,
                       quarantined, already_recorded FROM bounce_collection_run WHERE shop_id = :shop
                ORDER BY started_at DESC, id DESC LIMIT :limit""")
                .param("shop", shopId).param("limit", limit)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), instant(rs.getObject(5, OffsetDateTime.class)),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10))).list();
    }

    public AddressState state(long shopId, String address) {
        String email = BounceRegistry.normalize(address);
        List<Event> events = events(shopId, email, null, null, 50);
        List<Reset> resets = jdbc.sql("""
                SELECT reset_by, reason, was_kind, was_count, reset_at FROM bounce_reset
                WHERE shop_id = :shop AND email = :email ORDER BY reset_at DESC""")
                .param("shop", shopId).param("email", email)
                .query((rs, n) -> new Reset(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getObject(5, OffsetDateTime.class).toInstant())).list();
        return jdbc.sql("""
                SELECT flagged, bounce_kind, bounce_count, first_bounced_at, last_bounced_at, diagnostic, cleared_at,
                       cleared_by FROM bounce_record WHERE shop_id = :shop AND email = :email""")
                .param("shop", shopId).param("email", email)
                .query((rs, n) -> new AddressState(email, rs.getBoolean(1), rs.getString(2), rs.getInt(3),
                        instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class)),
                        rs.getString(6), instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8), events, resets))
                .optional()
                .orElse(new AddressState(email, false, null, 0, null, null, null, null, null, events, resets));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
