package jp.cartflow.webhook;

import jp.cartflow.platform.tx.TransactionMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** webhook_endpoint rows. The secret is read only by the sender, never returned after registration. */
@Repository
class WebhookEndpoints {

    enum Status { ACTIVE, FAILING, DISABLED }

    record Endpoint(long id, long shopId, String url, String description, List<String> eventTypes, Status status,
                    Instant failingSince, String failingReason, Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;
    /** Read once per transaction: one change (a checkout) publishes several events. The writers forget it. */
    private final TransactionMemo<Long, List<Receiving>> receiving = new TransactionMemo<>();

    WebhookEndpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long shopId, String url, String description, List<String> eventTypes, String secret, Instant now,
                String actor) {
        receiving.forget();
        jdbc.sql("""
                INSERT INTO webhook_endpoint (shop_id, url, description, event_types, secret, status, created_at,
                    created_by) VALUES (:shop, :url, :description, :types, :secret, 'ACTIVE', :now, :actor)""")
                .param("shop", shopId).param("url", url).param("description", description)
                .param("types", String.join(",", eventTypes)).param("secret", secret).param("now", utc(now))
                .param("actor", actor).update();
        return jdbc.sql("SELECT MAX(id) FROM webhook_endpoint WHERE shop_id = :shop AND secret = :secret")
                .param("shop", shopId).param("secret", secret).query(Long.class).single();
    }

    /** The endpoints of the shop that take this type (a failing one still collects its deliveries). */
    List<Long> subscribedTo(long shopId, String type) {
        return receiving.get(shopId, this::receiving).stream().filter(e -> e.eventTypes().contains(type))
                .map(Receiving::id).toList();
    }

    /** An endpoint that is not disabled, and the types it takes. */
    private record Receiving(long id, List<String> eventTypes) {
    }

    private List<Receiving> receiving(long shopId) {
        return jdbc.sql("SELECT id, event_types FROM webhook_endpoint WHERE shop_id = :shop AND status <> 'DISABLED'"
                        + " ORDER BY id")
                .param("shop", shopId)
                .query((rs, n) -> new Receiving(rs.getLong(1), Arrays.asList(rs.getString(2).split(","))))
                .list();
    }

    Optional<Endpoint> find(long shopId, long id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE shop_id = :shop AND id = :id")
                .param("shop", shopId).param("id", id).query(WebhookEndpoints::map).optional();
    }

    List<Endpoint> list(long shopId, Status status) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE shop_id = :shop"
                        + (status == null ? "" : " AND status = :status") + " ORDER BY id")
                .param("shop", shopId).param("status", status == null ? "" : status.name())
                .query(WebhookEndpoints::map).list();
    }

    void setStatus(long id, Status status) {
        receiving.forget();
        jdbc.sql("""
                UPDATE webhook_endpoint SET status = :status, failing_since = NULL, failing_reason = NULL
                WHERE id = :id""").param("status", status.name()).param("id", id).update();
    }

    /** The retries of a delivery ran out: the endpoint stops receiving until an operator reactivates it. */
    void markFailing(long id, Instant since, String reason) {
        receiving.forget();
        jdbc.sql("""
                UPDATE webhook_endpoint SET status = 'FAILING', failing_since = :since, failing_reason = :reason
                WHERE id = :id AND status = 'ACTIVE'""")
                .param("since", utc(since)).param("reason", WebhookDeliveries.clip(reason)).param("id", id).update();
    }

    private static Endpoint map(ResultSet rs, int n) throws SQLException {
        return new Endpoint(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("url"), rs.getString("description"),
                List.of(rs.getString("event_types").split(",")), Status.valueOf(rs.getString("status")),
                WebhookDeliveries.instant(rs, "failing_since"), rs.getString("failing_reason"),
                WebhookDeliveries.instant(rs, "created_at"), rs.getString("created_by"));
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
