package jp.cartflow.payment;

import jp.cartflow.testsupport.TestOrders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/** Members with a card on file and orders paid by a given method, for the payment tests. */
@Component
public class PaymentFixtures {

    private final JdbcClient jdbc;
    private final TestOrders orders;

    public PaymentFixtures(JdbcClient jdbc, TestOrders orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    /** A new member (login id returned) with a card of {@code gateway} (ZEUS / SBPS) and {@code token}; no card if null. */
    public String member(String gateway, String token) {
        String login = "pay-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, zipcode, pref, city, address, tel)
                SELECT id, :login, :email, '決済', '試験', '100-0001', '東京都', '千代田区', '千代田1-1', '03-0000-0000'
                FROM shop WHERE code = 'demo'""").param("login", login).param("email", login + "@example.jp").update();
        if (gateway != null) {
            jdbc.sql("""
                    INSERT INTO member_card (member_id, gateway, card_token, masked_number, brand, expiry_year, expiry_month)
                    SELECT id, :gateway, :token, '************4242', 'VISA', 2030, 12 FROM member WHERE login_id = :login""")
                    .param("gateway", gateway).param("token", token).param("login", login).update();
        }
        return login;
    }

    /** An order of the member, shipped by yamato (which takes every method), paid by {@code method}, {@code total} yen. */
    public long order(String orderNo, String memberLogin, String method, long total) {
        long id = orders.create(orderNo, memberLogin, "yamato");
        jdbc.sql("UPDATE customer_order SET payment_method_code = :method, total = :total WHERE id = :id")
                .param("method", method).param("total", total).param("id", id).update();
        return id;
    }

    public Map<String, Object> paymentRow(long orderId) {
        return jdbc.sql("SELECT payment_status, gateway_blocked, payment_method_code, status, shop_memo FROM customer_order "
                + "WHERE id = :id").param("id", orderId).query().singleRow();
    }

    public String paymentStatus(long orderId) {
        return (String) paymentRow(orderId).get("payment_status");
    }

    public boolean blocked(long orderId) {
        return (Boolean) paymentRow(orderId).get("gateway_blocked");
    }

    public int transactionCount(long orderId, String operation, String outcome) {
        return jdbc.sql("SELECT COUNT(*) FROM payment_transaction WHERE order_id = :id AND operation = :op "
                + "AND outcome = :outcome").param("id", orderId).param("op", operation).param("outcome", outcome)
                .query(Integer.class).single();
    }

    public void setAuthRetryEnabled(boolean enabled) {
        jdbc.sql("UPDATE shop SET auth_retry_enabled = :on WHERE code = 'demo'").param("on", enabled).update();
    }
}
