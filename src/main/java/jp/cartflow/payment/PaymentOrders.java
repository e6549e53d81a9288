package jp.cartflow.payment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads and writes the payment columns of customer_order (payment_status, gateway_blocked, shop_memo …). */
@Repository
public class PaymentOrders {

    private static final String SELECT = """
            SELECT o.id, o.shop_id, o.order_no, o.member_id, o.status, o.payment_method_code, o.payment_status,
                   o.gateway_blocked, o.total, o.shop_memo,
                   (SELECT s.carrier_id FROM shipment s WHERE s.order_id = o.id ORDER BY s.shipment_no
                    FETCH FIRST 1 ROWS ONLY) AS carrier_id
            FROM customer_order o""";

    private final JdbcClient jdbc;

    public PaymentOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PaymentOrder> findByOrderNo(long shopId, String orderNo) {
        return jdbc.sql(SELECT + " WHERE o.shop_id = :shop AND o.order_no = :no").param("shop", shopId)
                .param("no", orderNo).query(PaymentOrders::row).optional();
    }

    public PaymentOrder get(long orderId) {
        return jdbc.sql(SELECT + " WHERE o.id = :id").param("id", orderId).query(PaymentOrders::row).single();
    }

    /** Locks the order row for the rest of the transaction, then reads it. */
    public PaymentOrder lock(long orderId) {
        jdbc.sql("SELECT id FROM customer_order WHERE id = :id FOR UPDATE").param("id", orderId).query(Long.class).single();
        return get(orderId);
    }

    /** Card orders whose payment is not final (reconciliation, PAY-2), not blocked already. */
    public List<PaymentOrder> openCardOrders(long shopId) {
        return jdbc.sql(SELECT + " " + """
                 WHERE o.shop_id = :shop AND o.payment_method_code IN ('ZEUS_CARD', 'SBPS_CARD')
                   AND o.payment_status IN ('AUTHORIZED', 'CAPTURED') AND o.gateway_blocked = FALSE
                   AND o.status <> 'CANCELLED'
                 ORDER BY o.id""").param("shop", shopId).query(PaymentOrders::row).list();
    }

    public void setPaymentStatus(long orderId, PaymentStatus status, Instant now) {
        update("payment_status = :value", orderId, status.name(), now);
    }

    public void setBlocked(long orderId, boolean blocked, Instant now) {
        update("gateway_blocked = :value", orderId, blocked, now);
    }

    public void setPaymentMethod(long orderId, String code, Instant now) {
        update("payment_method_code = :value", orderId, code, now);
    }

    public void cancel(long orderId, Instant now) {
        update("status = :value", orderId, "CANCELLED", now);
    }

    /** Appends a line to the operator-only shop memo. */
    public void appendShopMemo(long orderId, String line, Instant now) {
        String memo = get(orderId).shopMemo();
        String next = memo == null || memo.isBlank() ? line : memo + "\n" + line;
        update("shop_memo = :value", orderId, next.length() > 4000 ? next.substring(next.length() - 4000) : next, now);
    }

    private void update(String assignment, long orderId, Object value, Instant now) {
        jdbc.sql("UPDATE customer_order SET " + assignment + ", updated_at = :now, version = version + 1 WHERE id = :id")
                .param("value", value).param("now", now.atOffset(ZoneOffset.UTC)).param("id", orderId).update();
    }

    private static PaymentOrder row(ResultSet rs, int n) throws SQLException {
        return new PaymentOrder(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("order_no"),
                rs.getObject("member_id", Long.class), rs.getString("status"), rs.getString("payment_method_code"),
                PaymentStatus.valueOf(rs.getString("payment_status")), rs.getBoolean("gateway_blocked"),
                rs.getLong("total"), rs.getString("shop_memo"), rs.getObject("carrier_id", Long.class));
    }
}
