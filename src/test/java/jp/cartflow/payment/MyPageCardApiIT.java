package jp.cartflow.payment;

import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.TestSubscriptions;
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

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** My-page cards on file over REST (SUB-27): register, change, delete; switching a subscription to a card. */
@SuppressWarnings({"rawtypes", "unchecked"})
class MyPageCardApiIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
    @Autowired SubscriptionGeneration generation;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void settings() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2031, 9, 1, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private ResponseEntity<Map> call(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("storefront", "storefront").exchange(path, method, new HttpEntity<>(json, headers),
                Map.class);
    }

    private long newMember(String login) {
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, zipcode, pref, city, address)
                SELECT id, :login, :email, 'カード', '花子', '150-0002', '東京都', '渋谷区', '渋谷3-3-3'
                FROM shop WHERE code = 'demo'""").param("login", login).param("email", login + "@example.jp").update();
        return subscriptions.memberId(login);
    }

    private static String card(String gateway, String token, String masked, int year, int month) {
        return "{\"gateway\":\"" + gateway + "\",\"token\":\"" + token + "\",\"maskedNumber\":" + masked
                + ",\"brand\":\"VISA\",\"expiryYear\":" + year + ",\"expiryMonth\":" + month + "}";
    }

    private Map<String, Object> stored(long member) {
        return jdbc.sql("SELECT gateway, card_token, masked_number FROM member_card WHERE member_id = :m")
                .param("m", member).query().listOfRows().stream().findFirst().orElse(null);
    }

    private static void problem(ResponseEntity<Map> r, int status, String field, String rule) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        assertThat(String.valueOf(r.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(r.getBody()).containsEntry("field", field);
        if (rule != null) {
            assertThat(r.getBody()).containsEntry("rule", rule);
        }
    }

    @Test
    @DisplayName("SUB-27 a member without a subscription registers, reads, changes and deletes the one card; only the token is kept")
    void registerChangeDelete() {
        long member = newMember("card-a");
        String path = "/api/mypage/members/" + member + "/card";
        assertThat(call(HttpMethod.GET, path, null).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<Map> put = call(HttpMethod.PUT, path, card("SBPS", "tok_sbps_a1", "\"************4242\"", 2033, 5));
        assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
        assertThat(put.getBody()).containsEntry("gateway", "SBPS").containsEntry("maskedNumber", "************4242")
                .containsEntry("expiresOn", "2033-05-31").doesNotContainKey("token");
        assertThat(stored(member)).containsEntry("card_token", "tok_sbps_a1");

        call(HttpMethod.PUT, path, card("ZEUS", "tok_zeus_b2", "\"************1111\"", 2034, 1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_card WHERE member_id = :m").param("m", member)
                .query(Integer.class).single()).as("one card per member").isEqualTo(1);
        assertThat(call(HttpMethod.GET, path, null).getBody()).containsEntry("gateway", "ZEUS")
                .containsEntry("gatewayName", "ゼウス");

        assertThat(call(HttpMethod.DELETE, path, null).getStatusCode().value()).isEqualTo(204);
        assertThat(stored(member)).isNull();
        problem(call(HttpMethod.DELETE, path, null), 404, "memberId", null);
    }

    @Test
    @DisplayName("SUB-27 bad cards: a card number, a token of another gateway, NP, expired, bad month, unknown member → 4xx, nothing stored")
    void badCards() {
        long member = newMember("card-b");
        String path = "/api/mypage/members/" + member + "/card";
        problem(call(HttpMethod.PUT, path, card("SBPS", "4111 1111 1111 1111", "null", 2033, 5)), 422, "token", "SUB-27");
        problem(call(HttpMethod.PUT, path, card("ZEUS", "tok_sbps_a1", "null", 2033, 5)), 422, "token", "SUB-27");
        problem(call(HttpMethod.PUT, path, card("NP", "tok_np_1", "null", 2033, 5)), 422, "gateway", null);
        problem(call(HttpMethod.PUT, path, card("SBPS", "tok_sbps_a1", "null", 2031, 8)), 422, "expiryMonth", null);
        assertThat(call(HttpMethod.PUT, path, card("SBPS", "tok_sbps_a1", "null", 2033, 13)).getBody())
                .containsEntry("field", "expiryMonth");
        assertThat(call(HttpMethod.PUT, path, card("SBPS", "tok_sbps_a1", "\"4111111111111111\"", 2033, 5)).getBody())
                .containsEntry("field", "maskedNumber");
        assertThat(call(HttpMethod.PUT, path, card("VISA", "tok_sbps_a1", "null", 2033, 5)).getStatusCode().value())
                .isEqualTo(400);
        problem(call(HttpMethod.PUT, "/api/mypage/members/99999999/card", card("SBPS", "tok_sbps_a1", "null", 2033, 5)),
                404, "memberId", null);
        assertThat(stored(member)).isNull();
    }

    @Test
    @DisplayName("SUB-27 delete or a change of gateway is refused 409 while an active subscription pays by card; switching to a "
            + "card method needs a card of that gateway; generated orders keep their payment")
    void cardInUse() {
        long member = newMember("card-c");
        String path = "/api/mypage/members/" + member + "/card";
        call(HttpMethod.PUT, path, card("SBPS", "tok_sbps_c3", "\"************4242\"", 2033, 5));
        ResponseEntity<Map> created = call(HttpMethod.POST, "/api/subscriptions", "{\"memberId\":" + member
                + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}],\"cycle\":{\"kind\":\"MONTHLY\","
                + "\"day\":20},\"firstDeliveryDate\":\"2031-09-20\",\"carrierCode\":\"yamato\",\"paymentMethod\":\"COD\","
                + "\"fees\":{\"shipping\":880,\"payment\":330,\"cool\":0}}");
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String no = (String) created.getBody().get("subscriptionNo");
        var slot = jdbc.sql("SELECT next_generation_at FROM subscription WHERE subscription_no = :no").param("no", no)
                .query(OffsetDateTime.class).single().toInstant();
        clock.set(slot);
        generation.generate(subscriptions.id(no), slot);
        String generated = jdbc.sql("SELECT order_no FROM customer_order WHERE subscription_no = :no AND delivery_index = 2")
                .param("no", no).query(String.class).single();

        String payment = "/api/mypage/members/" + member + "/subscriptions/" + no + "/payment-method";
        problem(call(HttpMethod.PUT, payment, "{\"paymentMethod\":\"ZEUS_CARD\"}"), 422, "paymentMethod", "SUB-27");
        ResponseEntity<Map> switched = call(HttpMethod.PUT, payment, "{\"paymentMethod\":\"SBPS_CARD\"}");
        assertThat(switched.getStatusCode().value()).as("%s", switched.getBody()).isEqualTo(200);
        assertThat(switched.getBody()).containsEntry("paymentMethod", "SBPS_CARD");
        Map<String, Object> order = rest.withBasicAuth("operator", "operator").getForObject("/api/orders/" + generated,
                Map.class);
        assertThat((Map<String, Object>) order.get("payment")).containsEntry("methodCode", "COD");

        problem(call(HttpMethod.DELETE, path, null), 409, "memberId", "SUB-27");
        problem(call(HttpMethod.PUT, path, card("ZEUS", "tok_zeus_c4", "null", 2034, 1)), 409, "gateway", "SUB-27");
        assertThat(stored(member)).containsEntry("card_token", "tok_sbps_c3");
        ResponseEntity<Map> sameGateway = call(HttpMethod.PUT, path, card("SBPS", "tok_sbps_c5", "null", 2035, 2));
        assertThat(sameGateway.getStatusCode().value()).isEqualTo(200);
        assertThat(stored(member)).containsEntry("card_token", "tok_sbps_c5");
    }
}
