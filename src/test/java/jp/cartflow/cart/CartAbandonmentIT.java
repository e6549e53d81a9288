package jp.cartflow.cart;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Cart abandonment with the real engine, PostgreSQL and GreenMail; the clock is set by the test. */
class CartAbandonmentIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired GreenMail mailServer;
    @Autowired MutableClock clock;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired TestOrders testOrders;

    Instant t0;

    @BeforeEach
    void setUp() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        clock.set(t0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long member(String email, boolean consent) {
        String login = "cart-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, marketing_consent)
                SELECT id, :login, :email, '放置', '太郎', :consent FROM shop WHERE code = 'demo'""")
                .param("login", login).param("email", email).param("consent", consent).update();
        return jdbc.sql("SELECT id FROM member WHERE login_id = :login").param("login", login).query(Long.class).single();
    }

    private ResponseEntity<Map> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("storefront", "storefront").postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }

    private static String abandoned(Object memberId) {
        return """
                {"memberId":%s,"items":[{"name":"ドリップコーヒー 200g","quantity":2}],"cartUrl":"https://shop.example.jp/cart/restore?c=1"}"""
                .formatted(memberId);
    }

    private static String cartId() {
        return "cart-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private void runAt(String cartId, Instant at) {
        clock.set(at);
        ProcessInstance p = runtime.createProcessInstanceQuery().processInstanceBusinessKey(cartId).singleResult();
        if (p != null) {
            Jobs.runAll(management, p.getId());
        }
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private boolean ended(String cartId, String endEvent) {
        return history.createHistoricActivityInstanceQuery().activityId(endEvent).list().stream()
                .anyMatch(a -> history.createHistoricProcessInstanceQuery().processInstanceId(a.getProcessInstanceId())
                        .singleResult().getBusinessKey().equals(cartId));
    }

    @Test
    @DisplayName("MKT-1 exception: a member WITHOUT consent gets the cart reminder once, after the shop's delay (3 h)")
    void reminderAfterDelayEvenWithoutConsent() throws Exception {
        String email = "cart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        long memberId = member(email, false);
        String cart = cartId();
        ResponseEntity<Map> reported = post("/api/carts/" + cart + "/abandoned", abandoned(memberId));
        assertThat(reported.getStatusCode().value()).as("%s", reported.getBody()).isEqualTo(202);

        runAt(cart, t0.plus(Duration.ofHours(2)));
        assertThat(mailsTo(email)).as("not before the delay").isEmpty();
        runAt(cart, t0.plus(Duration.ofHours(3)).plusSeconds(1));
        List<MimeMessage> mails = mailsTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getContent().toString()).contains("ドリップコーヒー 200g × 2",
                "https://shop.example.jp/cart/restore?c=1");
        assertThat(ended(cart, "EndEvent_ReminderSent")).isTrue();

        runAt(cart, t0.plus(Duration.ofDays(1)));
        assertThat(mailsTo(email)).as("once only").hasSize(1);
        assertThat(post("/api/carts/" + cart + "/abandoned", abandoned(memberId)).getStatusCode().value())
                .as("a second report of the same cart").isEqualTo(409);
    }

    @Test
    @DisplayName("the storefront reports the conversion while the process waits: no reminder")
    void conversionReportedByStorefront() {
        String email = "conv-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        String cart = cartId();
        post("/api/carts/" + cart + "/abandoned", abandoned(member(email, true)));
        assertThat(post("/api/carts/" + cart + "/converted", "{}").getStatusCode().value()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(cart).count()).isZero();
        assertThat(ended(cart, "EndEvent_ConvertedWhileWaiting")).isTrue();
        runAt(cart, t0.plus(Duration.ofHours(4)));
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    @DisplayName("an order carrying the cart id arrived meanwhile: no reminder")
    void conversionByOrderWithCartId() throws Exception {
        String cart = cartId();
        long yamada = jdbc.sql("SELECT id FROM member WHERE login_id = 'yamada'").query(Long.class).single();
        mailServer.purgeEmailFromAllMailboxes();
        post("/api/carts/" + cart + "/abandoned", abandoned(yamada));
        long orderId = testOrders.create(TestOrders.newOrderNo(), "yamada", "yamato");
        jdbc.sql("UPDATE customer_order SET cart_id = :cart WHERE id = :id").param("cart", cart).param("id", orderId).update();
        runAt(cart, t0.plus(Duration.ofHours(4)));
        assertThat(ended(cart, "EndEvent_CartConverted")).isTrue();
        assertThat(mailsTo("yamada@demo.cartflow.test").stream().filter(m -> {
            try {
                return m.getSubject().contains("カートに商品が残っています");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).isEmpty();
    }

    @Test
    @DisplayName("MKT-2 and bad input: a guest (no member), an unknown member, a bad URL, no items, a bad cart id — 4xx, nothing started")
    void badInput() {
        String cart = cartId();
        ResponseEntity<Map> guest = post("/api/carts/" + cart + "/abandoned", abandoned("null"));
        assertThat(guest.getStatusCode().value()).isEqualTo(422);
        assertThat(guest.getBody()).containsEntry("rule", "MKT-2").containsEntry("field", "memberId");
        assertThat(post("/api/carts/" + cart + "/abandoned", abandoned(999999)).getBody()).containsEntry("field", "memberId");
        long memberId = member("bad-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp", true);
        ResponseEntity<Map> badUrl = post("/api/carts/" + cart + "/abandoned",
                abandoned(memberId).replace("https://shop.example.jp/cart/restore?c=1", "javascript:alert(1)"));
        assertThat(badUrl.getStatusCode().value()).isEqualTo(400);
        assertThat(badUrl.getBody()).containsEntry("field", "cartUrl");
        ResponseEntity<Map> noItems = post("/api/carts/" + cart + "/abandoned",
                "{\"memberId\":" + memberId + ",\"items\":[],\"cartUrl\":\"https://shop.example.jp/c\"}");
        assertThat(noItems.getStatusCode().value()).isEqualTo(400);
        assertThat(noItems.getBody()).containsEntry("field", "items");
        assertThat(post("/api/carts/" + "x".repeat(65) + "/abandoned", abandoned(memberId)).getStatusCode().value()).isEqualTo(422);
        assertThat(post("/api/carts/" + cart + "/converted", "{}").getStatusCode().value()).isEqualTo(404);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(cart).count()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cart_abandonment WHERE cart_id = :c").param("c", cart)
                .query(Long.class).single()).isZero();
    }
}
