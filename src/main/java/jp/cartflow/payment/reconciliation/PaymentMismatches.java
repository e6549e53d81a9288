package jp.cartflow.payment.reconciliation;

import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** payment_mismatch rows. */
@Repository
class PaymentMismatches {

    private static final String SELECT = """
            SELECT m.*, o.order_no FROM payment_mismatch m JOIN order_number_view o ON o.order_id = m.order_id""";

    private final JdbcClient jdbc;

    PaymentMismatches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long orderId, Gateway gateway, Mismatch.Kind kind, String ourStatus, String gatewayStatus,
                GatewayState state, Long ourAmount, Long gatewayAmount, Instant now, String processInstanceId) {
        jdbc.sql("""
                INSERT INTO payment_mismatch (order_id, gateway, kind, our_status, gateway_status, gateway_state,
                    our_amount, gateway_amount, detected_at, process_instance_id)
                VALUES (:order, :gateway, :kind, :ours, :theirs, :state, :ourAmount, :gatewayAmount, :now, :pi)""")
                .param("order", orderId).param("gateway", gateway.name()).param("kind", kind.name())
                .param("ours", ourStatus).param("theirs", gatewayStatus).param("state", state.name())
                .param("ourAmount", ourAmount).param("gatewayAmount", gatewayAmount)
                .param("now", now.atOffset(ZoneOffset.UTC)).param("pi", processInstanceId).update();
        return jdbc.sql("SELECT MAX(id) FROM payment_mismatch WHERE order_id = :order").param("order", orderId)
                .query(Long.class).single();
    }

    Mismatch get(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(PaymentMismatches::row).single();
    }

    /** A mismatch of one shop; empty when there is none of that id in the shop. */
    Optional<Mismatch> find(long shopId, long id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id AND o.shop_id = :shop").param("id", id).param("shop", shopId)
                .query(PaymentMismatches::row).optional();
    }

    /** Support settled a reported mismatch: resolved, with who released it, when, why and the resulting status. */
    void release(long id, String actor, Instant now, String reason, String resultingStatus) {
        jdbc.sql("""
                UPDATE payment_mismatch SET resolved_at = :now, released_by = :actor, released_at = :now,
                    release_reason = :reason, released_status = :status WHERE id = :id""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("actor", actor).param("reason", reason)
                .param("status", resultingStatus).param("id", id).update();
    }

    /** Mismatches whose order is still blocked (undecided, or reported to support). */
    List<Mismatch> open(long shopId) {
        return jdbc.sql(SELECT + " WHERE o.shop_id = :shop AND m.resolved_at IS NULL ORDER BY m.id")
                .param("shop", shopId).query(PaymentMismatches::row).list();
    }

    void decide(long id, String decision, String actor, Instant now, boolean resolved) {
        jdbc.sql("""
                UPDATE payment_mismatch SET decision = :decision, decided_by = :actor, decided_at = :now,
                    resolved_at = :resolved WHERE id = :id""")
                .param("decision", decision).param("actor", actor).param("now", now.atOffset(ZoneOffset.UTC))
                .param("resolved", resolved ? now.atOffset(ZoneOffset.UTC) : null).param("id", id).update();
    }

    private static Mismatch row(ResultSet rs, int n) throws SQLException {
        return new Mismatch(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_no"),
                Gateway.valueOf(rs.getString("gateway")), Mismatch.Kind.valueOf(rs.getString("kind")),
                rs.getString("our_status"), rs.getString("gateway_status"),
                GatewayState.valueOf(rs.getString("gateway_state")), rs.getObject("our_amount", Long.class),
                rs.getObject("gateway_amount", Long.class), instant(rs, "detected_at"),
                rs.getString("process_instance_id"), rs.getString("decision"), rs.getString("decided_by"),
                instant(rs, "decided_at"), instant(rs, "resolved_at"), rs.getString("released_by"),
                instant(rs, "released_at"), rs.getString("release_reason"), rs.getString("released_status"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
