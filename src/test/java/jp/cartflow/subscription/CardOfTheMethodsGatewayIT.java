package jp.cartflow.subscription;

import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SUB-27 as a shop would try it: 山田's only card is an SB Payment Service card, so a Zeus card method is refused
 * at checkout, on the shop's payment change and on my-page, and nothing is written; the SBPS method passes.
 */
class CardOfTheMethodsGatewayIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions testSubscriptions;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        testSubscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        testSubscriptions.defaultSettings();
    }

    @Test
    @DisplayName("SUB-27 checkout: ZEUS_CARD with only an SBPS card on file → 422, nothing written; SBPS_CARD → 201")
    void checkout() {
        long yamada = testSubscriptions.memberId("yamada");
        int subscriptions = count("subscription");
        int orders = count("customer_order");

        refused(call(HttpMethod.POST, "/api/subscriptions", checkout(yamada, "ZEUS_CARD")));
        assertThat(count("subscription")).isEqualTo(subscriptions);
        assertThat(count("customer_order")).isEqualTo(orders);

        ResponseEntity<Map> ok = call(HttpMethod.POST, "/api/subscriptions", checkout(yamada, "SBPS_CARD"));
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(201);
    }

    @Test
    @DisplayName("SUB-27 shop's payment change: to ZEUS_CARD with only an SBPS card → 422, the method stays")
    void shopChange() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        String base = "/api/subscriptions/" + created.subscriptionNo();

        refused(call(HttpMethod.PUT, base + "/payment-method", "{\"paymentMethod\":\"ZEUS_CARD\"}"));
        assertThat(method(created.subscriptionNo())).isEqualTo("COD");

        ResponseEntity<Map> ok = call(HttpMethod.PUT, base + "/payment-method", "{\"paymentMethod\":\"SBPS_CARD\"}");
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);
        assertThat(method(created.subscriptionNo())).isEqualTo("SBPS_CARD");
    }

    @Test
    @DisplayName("SUB-27 my-page payment change: to ZEUS_CARD with only an SBPS card → 422, no change, no notice mail")
    void myPageChange() {
        long yamada = testSubscriptions.memberId("yamada");
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        String base = "/api/mypage/members/" + yamada + "/subscriptions/" + created.subscriptionNo();
        int notices = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE template_key = 'MYPAGE_CHANGE_NOTICE'")
                .query(Integer.class).single();

        refused(call(HttpMethod.PUT, base + "/payment-method", "{\"paymentMethod\":\"ZEUS_CARD\"}"));
        assertThat(method(created.subscriptionNo())).isEqualTo("COD");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE template_key = 'MYPAGE_CHANGE_NOTICE'")
                .query(Integer.class).single()).isEqualTo(notices);

        ResponseEntity<Map> ok = call(HttpMethod.PUT, base + "/payment-method", "{\"paymentMethod\":\"SBPS_CARD\"}");
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);
    }

    private static String checkout(long memberId, String payment) {
        return "{\"memberId\":" + memberId + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}],"
                + "\"cycle\":{\"kind\":\"MONTHLY\",\"day\":25},\"firstDeliveryDate\":\"2026-11-25\","
                + "\"carrierCode\":\"yamato\",\"paymentMethod\":\"" + payment + "\","
                + "\"fees\":{\"shipping\":880,\"payment\":0,\"cool\":0}}";
    }

    private ResponseEntity<Map> call(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("storefront", "storefront").exchange(path, method, new HttpEntity<>(json, headers),
                Map.class);
    }

    private static void refused(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(422);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().values().toString()).contains("SUB-27", "ZEUS");
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    private String method(String subscriptionNo) {
        return jdbc.sql("SELECT payment_method_code FROM subscription WHERE subscription_no = :no")
                .param("no", subscriptionNo).query(String.class).single();
    }
}
