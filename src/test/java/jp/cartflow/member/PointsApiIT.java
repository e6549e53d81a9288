package jp.cartflow.member;

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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The point ledger over REST (SUB-12, MEM-2): credited orders, used points, adjustments, the two switches. */
@SuppressWarnings({"rawtypes", "unchecked"})
class PointsApiIT extends PostgresIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
    @Autowired SubscriptionGeneration generation;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void settings() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2031, 8, 1, 10, 0, 0, 0, TOKYO).toInstant());
    }

    @AfterEach
    void reset() {
        jdbc.sql("UPDATE subscription_setting SET points_usable_at_checkout = TRUE, points_enabled = TRUE").update();
        clock.reset();
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    private long newMember(String login) {
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, zipcode, pref, city, address, corp,
                    corp_post)
                SELECT id, :login, :email, '点数', '太郎', '150-0002', '東京都', '渋谷区', '渋谷2-2-2', '株式会社ポイント', '経理部'
                FROM shop WHERE code = 'demo'""").param("login", login).param("email", login + "@example.jp").update();
        return subscriptions.memberId(login);
    }

    private Map<String, Object> points(long memberId) {
        ResponseEntity<Map> r = call("operator", HttpMethod.GET, "/api/members/" + memberId + "/points", null);
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }

    private ResponseEntity<Map> checkout(long memberId, long pointsUsed) {
        return call("storefront", HttpMethod.POST, "/api/subscriptions", "{\"memberId\":" + memberId
                + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":2}],\"cycle\":{\"kind\":\"MONTHLY\","
                + "\"day\":20},\"firstDeliveryDate\":\"2031-08-20\",\"carrierCode\":\"yamato\",\"paymentMethod\":\"COD\","
                + "\"fees\":{\"shipping\":880,\"payment\":0,\"cool\":0},\"pointsUsed\":" + pointsUsed + "}");
    }

    private long generateNext(String subscriptionNo) {
        var slot = jdbc.sql("SELECT next_generation_at FROM subscription WHERE subscription_no = :no")
                .param("no", subscriptionNo).query(OffsetDateTime.class).single().toInstant();
        clock.set(slot);
        generation.generate(subscriptions.id(subscriptionNo), slot);
        return jdbc.sql("SELECT total FROM customer_order WHERE subscription_no = :no AND delivery_index = 2")
                .param("no", subscriptionNo).query(Long.class).single();
    }

    @Test
    @DisplayName("SUB-12 MEM-2 first order credits on (eligible − used), a generated order at the shop rate rounded down, "
            + "each a ledger row; purchase statistics count every order")
    void ordersCreditPoints() {
        long member = newMember("points-a");
        ResponseEntity<Map> grant = call("operator", HttpMethod.POST, "/api/members/" + member + "/points/adjustments",
                "{\"points\":1000,\"reason\":\"キャンペーン付与\"}");
        assertThat(grant.getStatusCode().value()).isEqualTo(201);
        assertThat(grant.getBody()).containsEntry("kind", "ADJUSTED").containsEntry("actor", "operator")
                .containsEntry("reason", "キャンペーン付与");

        ResponseEntity<Map> created = checkout(member, 100);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        long firstTotal = n(created.getBody().get("firstOrderTotal"));
        assertThat(firstTotal).isEqualTo(1296 * 2 + 880 - 100);
        String firstOrderNo = (String) created.getBody().get("firstOrderNo");
        long generatedTotal = generateNext((String) created.getBody().get("subscriptionNo"));
        assertThat(generatedTotal).as("repeat price 1,458 yen").isEqualTo(1458 * 2 + 880);

        Map<String, Object> p = points(member);
        long earnedFirst = firstTotal / 100;
        long earnedGenerated = generatedTotal / 100;
        assertThat(earnedGenerated).as("3,796 yen at 100 yen per point, rounded down").isEqualTo(37);
        assertThat(n(p.get("balance"))).isEqualTo(1000 - 100 + earnedFirst + earnedGenerated);
        assertThat(n(p.get("totalPoints"))).isEqualTo(1000 + earnedFirst + earnedGenerated);
        assertThat(n(p.get("buyTimes"))).isEqualTo(2);
        assertThat(n(p.get("buyTotal"))).isEqualTo(firstTotal + generatedTotal);
        List<Map<String, Object>> history = (List<Map<String, Object>>) p.get("history");
        assertThat(history).extracting(e -> e.get("kind") + " " + e.get("points"))
                .containsExactly("EARNED " + earnedGenerated, "EARNED " + earnedFirst, "USED -100", "ADJUSTED 1000");
        assertThat(history.get(2)).containsEntry("orderNo", firstOrderNo);
        assertThat(n(history.get(0).get("balanceAfter"))).isEqualTo(n(p.get("balance")));
    }

    @Test
    @DisplayName("SUB-12 the two switches are separate: points off → nothing credited, points still usable at checkout; "
            + "usable off → 422 rule SUB-12, nothing written")
    void switches() {
        long member = newMember("points-b");
        call("operator", HttpMethod.POST, "/api/members/" + member + "/points/adjustments",
                "{\"points\":300,\"reason\":\"テスト\"}");
        jdbc.sql("UPDATE subscription_setting SET points_enabled = FALSE").update();
        ResponseEntity<Map> created = checkout(member, 200);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        generateNext((String) created.getBody().get("subscriptionNo"));
        Map<String, Object> p = points(member);
        assertThat(n(p.get("balance"))).isEqualTo(100);
        assertThat((List<Map<String, Object>>) p.get("history")).extracting(e -> e.get("kind"))
                .containsExactly("USED", "ADJUSTED");

        jdbc.sql("UPDATE subscription_setting SET points_usable_at_checkout = FALSE").update();
        settings();
        int subscriptionsBefore = jdbc.sql("SELECT COUNT(*) FROM subscription").query(Integer.class).single();
        ResponseEntity<Map> refused = checkout(member, 50);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody()).containsEntry("rule", "SUB-12").containsEntry("field", "pointsUsed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription").query(Integer.class).single()).isEqualTo(subscriptionsBefore);
        assertThat(n(points(member).get("balance"))).isEqualTo(100);
    }

    @Test
    @DisplayName("MEM-2 bad adjustments: beyond the balance, no reason, zero, unknown member, not an operator → 4xx, nothing written")
    void badAdjustments() {
        long member = newMember("points-c");
        String path = "/api/members/" + member + "/points/adjustments";
        ResponseEntity<Map> beyond = call("operator", HttpMethod.POST, path, "{\"points\":-1,\"reason\":\"取消\"}");
        assertThat(beyond.getStatusCode().value()).isEqualTo(422);
        assertThat(beyond.getBody()).containsEntry("field", "points").containsEntry("rule", "SUB-12");
        assertThat(call("operator", HttpMethod.POST, path, "{\"points\":10}").getBody()).containsEntry("field", "reason");
        assertThat(call("operator", HttpMethod.POST, path, "{\"points\":0,\"reason\":\"x\"}").getBody())
                .containsEntry("field", "points");
        assertThat(call("operator", HttpMethod.POST, path, "{\"points\":\"many\",\"reason\":\"x\"}").getStatusCode().value())
                .isEqualTo(400);
        assertThat(call("storefront", HttpMethod.POST, path, "{\"points\":10,\"reason\":\"x\"}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(call("operator", HttpMethod.POST, "/api/members/99999999/points/adjustments",
                "{\"points\":10,\"reason\":\"x\"}").getStatusCode().value()).isEqualTo(404);
        assertThat(call("operator", HttpMethod.GET, "/api/members/99999999/points", null).getStatusCode().value())
                .isEqualTo(404);
        Map<String, Object> p = points(member);
        assertThat(n(p.get("balance"))).isZero();
        assertThat((List<?>) p.get("history")).isEmpty();
    }
}
