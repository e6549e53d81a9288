package jp.cartflow.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import static jp.cartflow.webhook.WebhookEndpoints.utc;

/** webhook_event, webhook_delivery and webhook_attempt rows. */
@Repository
class WebhookDeliveries {

    enum Status { PENDING, DELIVERED, FAILED }

    /** A delivery as the log shows it. */
    record Delivery(long id, String eventId, String eventType, long endpointId, String orderingKey, Status status,
                    int attempts, Instant createdAt, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                    Instant deliveredAt, Long replayOf) {
    }

    record Attempt(Instant attemptedAt, Integer statusCode, String error, long durationMillis) {
    }

    /** What the sender needs for one claimed delivery. */
    record Claimed(long id, long endpointId, String url, String secret, String eventUid, String eventType,
                   String payload, int attempts, Instant createdAt) {
    }

    /** The outcome of one attempt, written back in the claiming transaction. */
    record Outcome(Claimed delivery, Instant attemptedAt, Integer statusCode, String error, long durationMillis,
                   Status status, Instant nextAttemptAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    WebhookDeliveries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    long insertEvent(long shopId, String uid, String type, String orderingKey, String payload, Instant at) {
        jdbc.sql("""
                INSERT INTO webhook_event (shop_id, event_uid, event_type, ordering_key, payload, occurred_at)
                VALUES (:shop, :uid, :type, :key, :payload, :at)""")
                .param("shop", shopId).param("uid", uid).param("type", type).param("key", orderingKey)
                .param("payload", payload).param("at", utc(at)).update();
        return jdbc.sql("SELECT id FROM webhook_event WHERE event_uid = :uid").param("uid", uid)
                .query(Long.class).single();
    }

    void insertDeliveries(long eventId, List<Long> endpointIds, String orderingKey, Instant at) {
        batch.batchUpdate("""
                INSERT INTO webhook_delivery (event_id, endpoint_id, ordering_key, status, attempts, created_at,
                    next_attempt_at) VALUES (?, ?, ?, 'PENDING', 0, ?, ?)""", endpointIds, endpointIds.size(),
                (ps, endpointId) -> {
                    ps.setLong(1, eventId);
                    ps.setLong(2, endpointId);
                    ps.setString(3, orderingKey);
                    ps.setObject(4, utc(at));
                    ps.setObject(5, utc(at));
                });
    }

    /**
     * Claims up to {@code limit} due deliveries of active endpoints for the rest of the transaction. Row locks
     * with SKIP LOCKED let several nodes claim at once without taking the same row; a delivery is claimable
     * only while no older delivery with the same endpoint and ordering key is still pending (per-key order).
     */
    List<Long> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT d.id FROM webhook_delivery d
                WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
                  AND d.endpoint_id IN (SELECT p.id FROM webhook_endpoint p WHERE p.status = 'ACTIVE')
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery o WHERE o.endpoint_id = d.endpoint_id
                                  AND o.ordering_key = d.ordering_key AND o.status = 'PENDING' AND o.id < d.id)
                ORDER BY d.id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", utc(now)).param("limit", limit).query(Long.class).list();
    }

    List<Claimed> claimed(List<Long> ids) {
        return jdbc.sql("""
                SELECT d.id, d.endpoint_id, p.url, p.secret, e.event_uid, e.event_type, e.payload, d.attempts,
                       d.created_at
                FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
                     JOIN webhook_endpoint p ON p.id = d.endpoint_id
                WHERE d.id IN (:ids) ORDER BY d.id""")
                .param("ids", ids)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), instant(rs, "created_at")))
                .list();
    }

    void record(List<Outcome> outcomes) {
        batch.batchUpdate("""
                UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, next_attempt_at = ?,
                    last_status_code = ?, last_error = ?, delivered_at = ? WHERE id = ?""", outcomes, outcomes.size(),
                (ps, o) -> {
                    ps.setString(1, o.status().name());
                    ps.setObject(2, utc(o.nextAttemptAt() != null ? o.nextAttemptAt() : o.attemptedAt()));
                    ps.setObject(3, o.statusCode());
                    ps.setString(4, clip(o.error()));
                    ps.setObject(5, o.status() == Status.DELIVERED ? utc(o.attemptedAt()) : null);
                    ps.setLong(6, o.delivery().id());
                });
        batch.batchUpdate("""
                INSERT INTO webhook_attempt (delivery_id, attempted_at, status_code, error, duration_ms)
                VALUES (?, ?, ?, ?, ?)""", outcomes, outcomes.size(), (ps, o) -> {
                    ps.setLong(1, o.delivery().id());
                    ps.setObject(2, utc(o.attemptedAt()));
                    ps.setObject(3, o.statusCode());
                    ps.setString(4, clip(o.error()));
                    ps.setLong(5, o.durationMillis());
                });
    }

    /** A replay: a new pending delivery of the same event (same event id) to the same endpoint. */
    long replay(Delivery original, Instant now) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (event_id, endpoint_id, ordering_key, status, attempts, created_at,
                    next_attempt_at, replay_of)
                SELECT event_id, endpoint_id, ordering_key, 'PENDING', 0, :now, :now, id FROM webhook_delivery
                WHERE id = :id""").param("now", utc(now)).param("id", original.id()).update();
        return jdbc.sql("SELECT MAX(id) FROM webhook_delivery WHERE replay_of = :id").param("id", original.id())
                .query(Long.class).single();
    }

    private static final String SELECT = """
            SELECT d.*, e.event_uid, e.event_type FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
            JOIN webhook_endpoint p ON p.id = d.endpoint_id""";

    Optional<Delivery> find(long shopId, long id) {
        return jdbc.sql(SELECT + " WHERE p.shop_id = :shop AND d.id = :id").param("shop", shopId).param("id", id)
                .query(WebhookDeliveries::map).optional();
    }

    List<Delivery> forEndpoint(long endpointId, Status status, int limit) {
        return jdbc.sql(SELECT + " WHERE d.endpoint_id = :endpoint"
                        + (status == null ? "" : " AND d.status = :status") + " ORDER BY d.id DESC LIMIT :limit")
                .param("endpoint", endpointId).param("status", status == null ? "" : status.name())
                .param("limit", limit).query(WebhookDeliveries::map).list();
    }

    List<Attempt> attempts(long deliveryId) {
        return jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id = :id ORDER BY id").param("id", deliveryId)
                .query((rs, n) -> new Attempt(instant(rs, "attempted_at"), (Integer) rs.getObject("status_code"),
                        rs.getString("error"), rs.getLong("duration_ms")))
                .list();
    }

    private static Delivery map(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("event_uid"), rs.getString("event_type"),
                rs.getLong("endpoint_id"), rs.getString("ordering_key"), Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "created_at"),
                Status.valueOf(rs.getString("status")) == Status.PENDING ? instant(rs, "next_attempt_at") : null,
                (Integer) rs.getObject("last_status_code"), rs.getString("last_error"), instant(rs, "delivered_at"),
                (Long) rs.getObject("replay_of"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        return value instanceof Timestamp t ? t.toInstant() : rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
