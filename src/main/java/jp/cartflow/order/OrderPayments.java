package jp.cartflow.order;

import jp.cartflow.order.events.PaymentStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The payment columns of customer_order (payment_status, gateway_blocked, payment method, shop_memo) and the
 * order's cancellation, for the payment room. A change of the payment status publishes
 * {@link PaymentStatusChanged} in the caller's transaction.
 */
@Service
public class OrderPayments {

    /** The payment side of an order, with the carrier of its first shipment. */
    public record PaymentFacts(long id, long shopId, String orderNo, Long memberId, String status,
                               String paymentMethodCode, String paymentStatus, boolean gatewayBlocked, long total,
                               String shopMemo, Long carrierId) {
    }

    private static final String SELECT = """
            SELECT o.id, o.shop_id, o.order_no, o.member_id, o.status, o.payment_method_code, o.payment_status,
                   o.gateway_blocked, o.total, o.shop_memo,
                   (SELECT s.carrier_id FROM shipment s WHERE s.order_id = o.id ORDER BY s.shipment_no
                    FETCH FIRST 1 ROWS ONLY) AS carrier_id
            FROM customer_order o""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrderPayments(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<PaymentFacts> findByOrderNo(long shopId, String orderNo) {
        return jdbc.sql(SELECT + " WHERE o.shop_id = :shop AND o.order_no = :no").param("shop", shopId)
                .param("no", orderNo).query(OrderPayments::row).optional();
    }

    public PaymentFacts get(long orderId) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", orderId).query(OrderPayments::row).single();
    }

    /** Locks the order row for the rest of the transaction, then reads it. */
    public PaymentFacts lock(long orderId) {
        jdbc.sql("SELECT id FROM customer_order WHERE id = :id FOR UPDATE").param("id", orderId).query(Long.class).single();
        return get(orderId);
    }

    /** Orders paid by one of {@code methodCodes} in one of {@code paymentStatuses}, not blocked or cancelled. */
    public List<PaymentFacts> open(long shopId, List<String> methodCodes, List<String> paymentStatuses) {
        return jdbc.sql(SELECT + " " + """
                 WHERE o.shop_id = :shop AND o.payment_method_code IN (:methods)
                   AND o.payment_status IN (:statuses) AND o.gateway_blocked = FALSE
                   AND o.status <> 'CANCELLED'
                 ORDER BY o.id""").param("shop", shopId).param("methods", methodCodes)
                .param("statuses", paymentStatuses).query(OrderPayments::row).list();
    }

    /** Sets the payment status; publishes {@link PaymentStatusChanged} when it differs from the stored one. */
    public void setPaymentStatus(long orderId, String paymentStatus, Instant now) {
        PaymentFacts before = get(orderId);
        update("payment_status = :value", orderId, paymentStatus, now);
        if (!paymentStatus.equals(before.paymentStatus())) {
            events.publishEvent(new PaymentStatusChanged(orderId, before.shopId(), before.orderNo(),
                    before.paymentStatus(), paymentStatus, now));
        }
    }

    public void setBlocked(long orderId, boolean blocked, Instant now) {
        update("gateway_blocked = :value", orderId, blocked, now);
    }

    /** Another method for the order, with the shop's name for it now (the order's snapshot from then on). */
    public void setPaymentMethod(long orderId, String code, String name, Instant now) {
        update("payment_method_code = :value", orderId, code, now);
        update("payment_method_name = :value", orderId, name, now);
    }

    /** The shop's name of the order's method as the order keeps it (null for an order without one). */
    public String paymentMethodName(long orderId) {
        return jdbc.sql("SELECT payment_method_name FROM customer_order WHERE id = :id").param("id", orderId)
                .query(String.class).optional().orElse(null);
    }

    public void cancel(long orderId, Instant now) {
        update("status = :value", orderId, "CANCELLED", now);
    }

    /** Appends a line to the operator-only shop memo (the last 4000 characters are kept). */
    public void appendShopMemo(long orderId, String line, Instant now) {
        String memo = get(orderId).shopMemo();
        String next = memo == null || memo.isBlank() ? line : memo + "\n" + line;
        update("shop_memo = :value", orderId, next.length() > 4000 ? next.substring(next.length() - 4000) : next, now);
    }

    private void update(String assignment, long orderId, Object value, Instant now) {
        jdbc.sql("UPDATE customer_order SET " + assignment + ", updated_at = :now, version = version + 1 WHERE id = :id")
                .param("value", value).param("now", now.atOffset(ZoneOffset.UTC)).param("id", orderId).update();
    }

    private static PaymentFacts row(ResultSet rs, int n) throws SQLException {
        return new PaymentFacts(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("order_no"),
                rs.getObject("member_id", Long.class), rs.getString("status"), rs.getString("payment_method_code"),
                rs.getString("payment_status"), rs.getBoolean("gateway_blocked"), rs.getLong("total"),
                rs.getString("shop_memo"), rs.getObject("carrier_id", Long.class));
    }
}
