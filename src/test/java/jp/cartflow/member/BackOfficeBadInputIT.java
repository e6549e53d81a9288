package jp.cartflow.member;

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

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad input of the back office's facts (issue 11), walked in one member's life over REST against PostgreSQL:
 * unknown attribute ids and types, option values not in the list, dates that do not exist, points beyond the
 * balance, a card token of the wrong gateway, deleting a card in use. Each is a 4xx problem+json naming the field
 * or rule, and afterwards everything the member has reads as before (REST) and no row was added (database).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class BackOfficeBadInputIT extends PostgresIntegrationTest {

    private static final String ADDRESS = "{\"lastName\":\"入力\",\"firstName\":\"誤子\",\"zipcode\":\"100-0001\","
            + "\"pref\":\"東京都\",\"city\":\"千代田区\",\"address\":\"千代田1-1\"}";

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void settings() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2032, 6, 1, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    private static Map<String, Object> ok(ResponseEntity<Map> r) {
        assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
        return r.getBody();
    }

    /** A 4xx problem+json that names the field (and the rule where there is one). */
    private static void refused(ResponseEntity<Map> r, int status, String field, String rule) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        assertThat(String.valueOf(r.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(r.getBody()).containsEntry("field", field);
        if (rule != null) {
            assertThat(r.getBody()).containsEntry("rule", rule);
        }
    }

    /** What the member has, as REST shows it, plus the row counts of every table a refused call could write. */
    private Map<String, Object> state(long member) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("attributes", ok(call("storefront", HttpMethod.GET, "/api/members/" + member + "/attributes", null)));
        s.put("definitions", rest.withBasicAuth("operator", "operator").getForObject("/api/member-attributes", List.class));
        s.put("points", ok(call("operator", HttpMethod.GET, "/api/members/" + member + "/points", null)));
        s.put("card", ok(call("storefront", HttpMethod.GET, "/api/mypage/members/" + member + "/card", null)));
        s.put("member", ok(call("storefront", HttpMethod.GET, "/api/members/" + member, null)));
        for (String table : List.of("member_attribute_definition", "member_attribute_value", "member_point_entry",
                "member_card", "subscription", "subscription_item", "customer_order", "order_line", "mail_outbox")) {
            s.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single());
        }
        return s;
    }

    @Test
    @DisplayName("MEM-1 MEM-2 SUB-12 SUB-27 bad input: unknown attribute ids and types, options not in the list, "
            + "2032-02-30, points beyond the balance, a token of the wrong gateway, deleting a card in use → 4xx "
            + "problem+json naming field or rule, nothing half-written")
    void badInputWritesNothing() {
        // a member with values, points, a card and a subscription paying by that card
        long member = ((Number) ((Map) ok(call("storefront", HttpMethod.POST, "/api/members",
                "{\"loginId\":\"bad-input\",\"email\":\"bad-input@example.jp\",\"address\":" + ADDRESS + "}"))
                .get("member")).get("id")).longValue();
        int plan = ((Number) ok(call("operator", HttpMethod.POST, "/api/member-attributes",
                "{\"name\":\"BI-プラン\",\"type\":\"PULLDOWN\",\"options\":[\"ライト\",\"スタンダード\"]}"))
                .get("attributeNo")).intValue();
        int anniversary = ((Number) ok(call("operator", HttpMethod.POST, "/api/member-attributes",
                "{\"name\":\"BI-記念日\",\"type\":\"DATE\"}")).get("attributeNo")).intValue();
        String values = "/api/members/" + member + "/attributes";
        ok(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"90\":\"元の会社\",\"" + plan + "\":\"ライト\",\""
                + anniversary + "\":\"2030-01-15\"}}"));
        ok(call("operator", HttpMethod.POST, "/api/members/" + member + "/points/adjustments",
                "{\"points\":50,\"reason\":\"初回特典\"}"));
        String card = "/api/mypage/members/" + member + "/card";
        ok(call("storefront", HttpMethod.PUT, card, "{\"gateway\":\"SBPS\",\"token\":\"tok_sbps_bad1\","
                + "\"maskedNumber\":\"************4242\",\"brand\":\"VISA\",\"expiryYear\":2034,\"expiryMonth\":5}"));
        String checkout = "{\"memberId\":" + member + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}],"
                + "\"cycle\":{\"kind\":\"MONTHLY\",\"day\":20},\"firstDeliveryDate\":\"%s\",\"carrierCode\":\"yamato\","
                + "\"paymentMethod\":\"SBPS_CARD\",\"fees\":{\"shipping\":880,\"payment\":0,\"cool\":0},\"pointsUsed\":%d}";
        assertThat(call("storefront", HttpMethod.POST, "/api/subscriptions", checkout.formatted("2032-06-20", 10))
                .getStatusCode().value()).isEqualTo(201);
        Map<String, Object> before = state(member);
        long balance = ((Number) ((Map) before.get("points")).get("balance")).longValue();
        assertThat(balance).as("50 granted − 10 used + what the first order earned").isGreaterThan(40);

        // unknown attribute ids: alone, and next to a valid change that must not be kept either
        refused(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"998\":\"x\"}}"), 422, "values.998", null);
        refused(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"90\":\"新しい会社\",\"998\":\"x\"}}"),
                422, "values.998", null);
        assertThat(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"company\":\"x\"}}").getStatusCode()
                .value()).as("an attribute id that is not a number").isEqualTo(400);
        refused(call("operator", HttpMethod.PUT, "/api/member-attributes/1000", "{\"name\":\"x\",\"type\":\"TEXT_LINE\"}"),
                422, "attributeNo", null);
        refused(call("operator", HttpMethod.DELETE, "/api/member-attributes/998", null), 404, "attributeNo", null);
        refused(call("storefront", HttpMethod.GET, "/api/members?attribute=998&value=x", null), 422, "attribute", null);
        // unknown attribute types
        refused(call("operator", HttpMethod.POST, "/api/member-attributes", "{\"name\":\"x\",\"type\":\"CHECKBOX\"}"),
                400, "type", null);
        refused(call("operator", HttpMethod.PUT, "/api/member-attributes/" + plan,
                "{\"name\":\"BI-プラン\",\"type\":\"MULTISELECT\",\"options\":[\"ライト\"]}"), 400, "type", null);
        // option values not in the list
        refused(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"" + plan + "\":\"プレミアム\"}}"),
                422, "values." + plan, null);
        // dates that do not exist
        refused(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"" + anniversary + "\":\"2032-02-30\"}}"),
                422, "values." + anniversary, null);
        refused(call("storefront", HttpMethod.POST, "/api/subscriptions", checkout.formatted("2032-02-30", 0)),
                400, "firstDeliveryDate", null);
        refused(call("storefront", HttpMethod.PUT, card, "{\"gateway\":\"SBPS\",\"token\":\"tok_sbps_bad2\","
                + "\"expiryYear\":2034,\"expiryMonth\":13}"), 400, "expiryMonth", null);
        // points beyond the balance
        refused(call("storefront", HttpMethod.POST, "/api/subscriptions", checkout.formatted("2032-06-20", balance + 1)),
                422, "pointsUsed", null);
        refused(call("operator", HttpMethod.POST, "/api/members/" + member + "/points/adjustments",
                "{\"points\":" + (-balance - 1) + ",\"reason\":\"取消\"}"), 422, "points", "SUB-12");
        // a card token of the wrong gateway
        refused(call("storefront", HttpMethod.PUT, card, "{\"gateway\":\"ZEUS\",\"token\":\"tok_sbps_bad3\","
                + "\"expiryYear\":2034,\"expiryMonth\":5}"), 422, "token", "SUB-27");
        refused(call("storefront", HttpMethod.PUT, card, "{\"gateway\":\"SBPS\",\"token\":\"tok_zeus_bad4\","
                + "\"expiryYear\":2034,\"expiryMonth\":5}"), 422, "token", "SUB-27");
        // deleting the card the active subscription pays with
        refused(call("storefront", HttpMethod.DELETE, card, null), 409, "memberId", "SUB-27");

        assertThat(state(member)).as("nothing written by any refused call").isEqualTo(before);
        assertThat((Map) ((Map) before.get("attributes")).get("values")).containsEntry("90", "元の会社")
                .containsEntry(String.valueOf(plan), "ライト");
        assertThat((Map) before.get("card")).containsEntry("gateway", "SBPS");
    }
}
