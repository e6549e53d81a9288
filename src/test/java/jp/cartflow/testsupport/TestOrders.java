package jp.cartflow.testsupport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Inserts orders of the demo shop for a test: each test gets its own order number. */
@Component
public class TestOrders {

    private final JdbcClient jdbc;

    public TestOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fresh order no, unique per call. */
    public static String newOrderNo() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /**
     * An order of member {@code memberLogin} with two lines (2 × coffee, 1 × tea), company attribute 90, and
     * one shipment per carrier code given (no tracking numbers yet).
     */
    public long create(String orderNo, String memberLogin, String... carrierCodes) {
        jdbc.sql("""
                INSERT INTO customer_order (shop_id, order_no, member_id, ordered_at, email, last_name, first_name,
                    last_name_kana, first_name_kana, tel, zipcode, pref, city, address, payment_method_code,
                    subtotal, shipping_fee, payment_fee, total, status)
                SELECT s.id, :no, m.id, TIMESTAMP WITH TIME ZONE '2026-11-18 10:15:30+09:00', m.email, m.last_name,
                    m.first_name, m.last_name_kana, m.first_name_kana, m.tel, m.zipcode, m.pref, m.city, m.address,
                    'COD', 4320, 880, 330, 5530, 'NEW'
                FROM shop s JOIN member m ON m.shop_id = s.id AND m.login_id = :login WHERE s.code = 'demo'""")
                .param("no", orderNo).param("login", memberLogin).update();
        long orderId = jdbc.sql("SELECT id FROM customer_order WHERE order_no = :no").param("no", orderNo)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO order_line (order_id, line_no, product_id, product_code, product_name, unit_price, quantity)
                SELECT :order, 1, p.id, p.product_code, p.name, p.price, 2 FROM product p WHERE p.product_code = 'CF-COFFEE-200'""")
                .param("order", orderId).update();
        jdbc.sql("""
                INSERT INTO order_line (order_id, line_no, product_id, product_code, product_name, unit_price, quantity)
                SELECT :order, 2, p.id, p.product_code, p.name, p.price, 1 FROM product p WHERE p.product_code = 'CF-TEA-100'""")
                .param("order", orderId).update();
        jdbc.sql("INSERT INTO order_attribute_value (order_id, attribute_no, attribute_value) VALUES (:order, 90, '株式会社テスト商事')")
                .param("order", orderId).update();
        int shipmentNo = 1;
        for (String carrier : carrierCodes) {
            jdbc.sql("""
                    INSERT INTO shipment (order_id, shipment_no, last_name, first_name, zipcode, pref, city, address,
                        carrier_id, time_slot_code, delivery_date)
                    SELECT :order, :no, o.last_name, o.first_name, o.zipcode, o.pref, o.city, o.address, c.id, '14-16',
                        DATE '2026-11-25'
                    FROM customer_order o JOIN carrier c ON c.shop_id = o.shop_id AND c.code = :carrier
                    WHERE o.id = :order""")
                    .param("order", orderId).param("no", shipmentNo++).param("carrier", carrier).update();
        }
        return orderId;
    }

    public int trackingNumberCount(long orderId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM shipment_tracking_number t JOIN shipment s ON s.id = t.shipment_id
                WHERE s.order_id = :order""").param("order", orderId).query(Integer.class).single();
    }

    public int outboxCount(long orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE order_id = :order").param("order", orderId)
                .query(Integer.class).single();
    }

    public void flagBounce(String email) {
        jdbc.sql("""
                INSERT INTO bounce_record (shop_id, email, bounce_kind, bounce_count, first_bounced_at, last_bounced_at,
                    flagged, diagnostic)
                SELECT id, :email, 'HARD', 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, TRUE, '550 5.1.1 User unknown'
                FROM shop WHERE code = 'demo'""").param("email", email).update();
    }

    public boolean bounceFlagged(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM bounce_record WHERE email = :email AND flagged = TRUE")
                .param("email", email).query(Integer.class).single() > 0;
    }
}
