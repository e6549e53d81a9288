package jp.cartflow.payment;

import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayOperation;
import jp.cartflow.payment.gateway.GatewayResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** payment_transaction: one row per logical gateway call, unique by idempotency key (PAY-1). */
@Repository
class PaymentTransactions {

    /** A recorded call; {@code outcome} is null while the call has no answer. */
    public record Recorded(long id, long orderId, Gateway gateway, GatewayOperation operation, String idempotencyKey,
                           Long amount, String outcome, String gatewayRef, String gatewayStatus, String reason) {
    }

    private final JdbcClient jdbc;

    public PaymentTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Recorded> byKey(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM payment_transaction WHERE idempotency_key = :key").param("key", idempotencyKey)
                .query((rs, n) -> new Recorded(rs.getLong("id"), rs.getLong("order_id"),
                        Gateway.valueOf(rs.getString("gateway")), GatewayOperation.valueOf(rs.getString("operation")),
                        rs.getString("idempotency_key"), rs.getObject("amount", Long.class), rs.getString("outcome"),
                        rs.getString("gateway_ref"), rs.getString("gateway_status"), rs.getString("reason")))
                .optional();
    }

    public List<Recorded> forOrder(long orderId) {
        return jdbc.sql("SELECT idempotency_key FROM payment_transaction WHERE order_id = :order ORDER BY id")
                .param("order", orderId).query(String.class).list().stream()
                .map(key -> byKey(key).orElseThrow()).toList();
    }

    /** The gateway's transaction id of the order's latest approved authorization. */
    public Optional<String> authorizationRef(long orderId) {
        return jdbc.sql("""
                SELECT gateway_ref FROM payment_transaction
                WHERE order_id = :order AND operation = 'AUTHORIZE' AND outcome IN ('APPROVED', 'PENDING')
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").param("order", orderId).query(String.class).optional();
    }

    /** The amount the gateway holds: that of the latest approved authorization or amount change. */
    public Optional<Long> currentAmount(long orderId) {
        return jdbc.sql("""
                SELECT amount FROM payment_transaction
                WHERE order_id = :order AND operation IN ('AUTHORIZE', 'CHANGE_AMOUNT') AND outcome = 'APPROVED'
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").param("order", orderId).query(Long.class).optional();
    }

    /** An order of the shop whose latest card-gateway call (Zeus, SBPS) was made at or after {@code since}. */
    public record RecentCall(long orderId, Gateway gateway) {
    }

    public List<RecentCall> recentCardCalls(long shopId, Instant since) {
        return jdbc.sql("""
                SELECT t.order_id, t.gateway FROM payment_transaction t
                JOIN order_number_view o ON o.order_id = t.order_id
                WHERE o.shop_id = :shop AND t.gateway IN ('ZEUS', 'SBPS') AND t.id = (
                    SELECT MAX(l.id) FROM payment_transaction l WHERE l.order_id = t.order_id)
                  AND t.requested_at >= :since
                ORDER BY t.order_id""").param("shop", shopId).param("since", since.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new RecentCall(rs.getLong("order_id"), Gateway.valueOf(rs.getString("gateway"))))
                .list();
    }

    /**
     * Records an amount the gateway holds after a change made on its side, adopted by an operator (PAY-2): an
     * answered amount change under its own key, so capture and cancel use it from now on. No call is made.
     */
    public void recordAdoptedAmount(long orderId, Gateway gateway, String key, long amount, String gatewayStatus,
                                    String reason, Instant now) {
        long id = begin(orderId, gateway, GatewayOperation.CHANGE_AMOUNT, key, amount, now);
        complete(id, new GatewayResult(GatewayResult.Outcome.APPROVED, authorizationRef(orderId).orElse(null),
                gatewayStatus, null, reason), now);
    }

    /** How many calls of this operation were answered for the order (a sequence for idempotency keys). */
    public int answered(long orderId, GatewayOperation operation) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM payment_transaction
                WHERE order_id = :order AND operation = :op AND outcome IS NOT NULL""")
                .param("order", orderId).param("op", operation.name()).query(Integer.class).single();
    }

    /** Inserts the call before it is made (or reuses the row of an earlier, unanswered try). */
    public long begin(long orderId, Gateway gateway, GatewayOperation operation, String idempotencyKey, long amount,
                      Instant now) {
        Optional<Recorded> existing = byKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        jdbc.sql("""
                INSERT INTO payment_transaction (order_id, gateway, operation, idempotency_key, amount, requested_at)
                VALUES (:order, :gateway, :op, :key, :amount, :now)""")
                .param("order", orderId).param("gateway", gateway.name()).param("op", operation.name())
                .param("key", idempotencyKey).param("amount", amount).param("now", now.atOffset(ZoneOffset.UTC)).update();
        return byKey(idempotencyKey).orElseThrow().id();
    }

    public void complete(long id, GatewayResult result, Instant now) {
        jdbc.sql("""
                UPDATE payment_transaction SET outcome = :outcome, gateway_ref = :ref, gateway_status = :status,
                    reason = :reason, completed_at = :now WHERE id = :id""")
                .param("outcome", result.outcome().name()).param("ref", result.gatewayRef())
                .param("status", result.gatewayStatus()).param("reason", result.reason())
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update();
    }
}
