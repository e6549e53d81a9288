package jp.cartflow.member;

import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.TestSubscriptions;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
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

/** Custom member attributes over REST (MEM-1), the template check of MAIL-1, and company/department on orders. */
@SuppressWarnings({"rawtypes", "unchecked"})
class AttributesApiIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
    @Autowired SubscriptionGeneration generation;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    private long newMember(String login) {
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, zipcode, pref, city, address)
                SELECT id, :login, :email, '属性', '次郎', '150-0002', '東京都', '渋谷区', '渋谷4-4-4'
                FROM shop WHERE code = 'demo'""").param("login", login).param("email", login + "@example.jp").update();
        return subscriptions.memberId(login);
    }

    private static void problem(ResponseEntity<Map> r, int status, String field) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        assertThat(String.valueOf(r.getHeaders().getContentType())).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.getBody()).containsEntry("field", field);
        }
    }

    private int valueRows(long member) {
        return jdbc.sql("SELECT COUNT(*) FROM member_attribute_value WHERE member_id = :m").param("m", member)
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("MEM-1 definitions of five types; values checked by type with errors naming the attribute; search by value")
    void definitionsValuesSearch() {
        ResponseEntity<Map> blood = call("operator", HttpMethod.PUT, "/api/member-attributes/20",
                "{\"name\":\"血液型\",\"type\":\"RADIO\",\"options\":[\"A\",\"B\",\"O\",\"AB\"]}");
        assertThat(blood.getStatusCode().value()).as("%s", blood.getBody()).isEqualTo(200);
        assertThat(blood.getBody()).containsEntry("attributeNo", 20).containsEntry("type", "RADIO");
        ResponseEntity<Map> nick = call("operator", HttpMethod.POST, "/api/member-attributes",
                "{\"name\":\"ニックネーム\",\"type\":\"TEXT_LINE\",\"maxLength\":8,\"required\":true}");
        assertThat(nick.getStatusCode().value()).isEqualTo(201);
        int nickNo = (Integer) nick.getBody().get("attributeNo");
        List<Map<String, Object>> defs = rest.withBasicAuth("storefront", "storefront")
                .getForObject("/api/member-attributes", List.class);
        assertThat(defs).extracting(d -> d.get("attributeNo")).contains(90, 91, 1, 2, 3, 4, 20, nickNo);
        assertThat(defs).filteredOn(d -> d.get("attributeNo").equals(90))
                .singleElement().satisfies(d -> assertThat(d).containsEntry("builtIn", true).containsEntry("name", "会社名"));

        long member = newMember("attr-a");
        String values = "/api/members/" + member + "/attributes";
        ResponseEntity<Map> put = call("storefront", HttpMethod.PUT, values, "{\"values\":{\"90\":\"株式会社属性\","
                + "\"91\":\"開発部\",\"1\":\"学生\",\"3\":\"2031-02-28\",\"20\":\"AB\",\"" + nickNo + "\":\"じろう\"}}");
        assertThat(put.getStatusCode().value()).as("%s", put.getBody()).isEqualTo(200);
        assertThat((Map<String, Object>) put.getBody().get("values")).containsEntry("90", "株式会社属性")
                .containsEntry("20", "AB");
        assertThat(jdbc.sql("SELECT corp || '/' || corp_post FROM member WHERE id = :m").param("m", member)
                .query(String.class).single()).isEqualTo("株式会社属性/開発部");
        int rows = valueRows(member);

        problem(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"77\":\"x\"}}"), 422, "values.77");
        ResponseEntity<Map> notAnOption = call("storefront", HttpMethod.PUT, values, "{\"values\":{\"20\":\"C\"}}");
        problem(notAnOption, 422, "values.20");
        assertThat((String) notAnOption.getBody().get("detail")).contains("血液型");
        problem(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"3\":\"2031-02-30\"}}"), 422, "values.3");
        problem(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"" + nickNo + "\":\"123456789\"}}"), 422,
                "values." + nickNo);
        problem(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"" + nickNo + "\":\"\"}}"), 422,
                "values." + nickNo);
        problem(call("storefront", HttpMethod.PUT, values, "{\"values\":{\"90\":\"一行目\\n二行目\",\"1\":\"会社員\"}}"), 422,
                "values.90");
        assertThat(valueRows(member)).as("nothing half-written").isEqualTo(rows);
        assertThat((Map<String, Object>) call("storefront", HttpMethod.GET, values, null).getBody().get("values"))
                .containsEntry("1", "学生");

        List<Map<String, Object>> hits = rest.withBasicAuth("operator", "operator")
                .getForObject("/api/members?attribute=20&value=AB", List.class);
        assertThat(hits).extracting(h -> h.get("loginId")).containsExactly("attr-a");
        List<Map<String, Object>> byCompany = rest.withBasicAuth("operator", "operator")
                .getForObject("/api/members?attribute=90&value=属性", List.class);
        assertThat(byCompany).extracting(h -> h.get("loginId")).contains("attr-a");
        problem(call("operator", HttpMethod.GET, "/api/members?attribute=77&value=x", null), 422, "attribute");

        call("operator", HttpMethod.DELETE, "/api/member-attributes/" + nickNo, null);
        call("operator", HttpMethod.DELETE, "/api/member-attributes/20", null);
    }

    @Test
    @DisplayName("MEM-1 bad definitions: unknown type, options on a text, a radio without options, built-ins, storefront → 4xx")
    void badDefinitions() {
        int before = jdbc.sql("SELECT COUNT(*) FROM member_attribute_definition").query(Integer.class).single();
        assertThat(call("operator", HttpMethod.POST, "/api/member-attributes", "{\"name\":\"x\",\"type\":\"CHECKBOX\"}")
                .getStatusCode().value()).isEqualTo(400);
        problem(call("operator", HttpMethod.POST, "/api/member-attributes",
                "{\"name\":\"x\",\"type\":\"TEXT_LINE\",\"options\":[\"a\"]}"), 422, "options");
        problem(call("operator", HttpMethod.POST, "/api/member-attributes", "{\"name\":\"x\",\"type\":\"PULLDOWN\"}"), 422,
                "options");
        problem(call("operator", HttpMethod.POST, "/api/member-attributes",
                "{\"name\":\"x\",\"type\":\"RADIO\",\"options\":[\"a\",\"a\"]}"), 422, "options");
        problem(call("operator", HttpMethod.POST, "/api/member-attributes", "{\"type\":\"DATE\"}"), 400, "name");
        problem(call("operator", HttpMethod.PUT, "/api/member-attributes/90", "{\"name\":\"x\",\"type\":\"DATE\"}"), 422,
                "attributeNo");
        problem(call("operator", HttpMethod.DELETE, "/api/member-attributes/91", null), 409, "attributeNo");
        problem(call("operator", HttpMethod.DELETE, "/api/member-attributes/555", null), 404, "attributeNo");
        problem(call("storefront", HttpMethod.POST, "/api/member-attributes", "{\"name\":\"x\",\"type\":\"DATE\"}"), 403,
                null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_attribute_definition").query(Integer.class).single())
                .isEqualTo(before);
    }

    @Test
    @DisplayName("MEM-1 MAIL-1 a template naming an undefined attribute id is refused at save; defined ids save")
    void templateAttributeIds() {
        ResponseEntity<Map> refused = call("operator", HttpMethod.PUT, "/api/mail-templates/ORDER_CONFIRMATION",
                "{\"subject\":\"ご注文\",\"body\":\"会社:<!--{orderAttribute id=90}-->\\n謎:<!--{shippingAttribute id=77}-->\"}");
        problem(refused, 422, "body");
        assertThat(String.valueOf(refused.getBody().get("errors"))).contains("UNDEFINED_ATTRIBUTE").contains("77");
        ResponseEntity<Map> before = call("operator", HttpMethod.GET, "/api/mail-templates/SHIPPING_COMPLETE", null);
        ResponseEntity<Map> saved = call("operator", HttpMethod.PUT, "/api/mail-templates/SHIPPING_COMPLETE",
                "{\"subject\":\"発送\",\"body\":\"<!--{orderAttribute id=91}--> <!--{orderAttribute id=1}-->\"}");
        assertThat(saved.getStatusCode().value()).as("%s", saved.getBody()).isEqualTo(200);
        call("operator", HttpMethod.PUT, "/api/mail-templates/SHIPPING_COMPLETE", "{\"subject\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf((String) before.getBody().get("subject"))
                + ",\"body\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf((String) before.getBody().get("body"))
                + "}");
    }

    @Test
    @DisplayName("MEM-1 subscription orders carry company (90) and department (91) like every other order")
    void subscriptionOrdersCarryCompany() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2031, 10, 1, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        long member = newMember("attr-b");
        call("storefront", HttpMethod.PUT, "/api/members/" + member + "/attributes",
                "{\"values\":{\"90\":\"合同会社定期\",\"91\":\"総務部\"}}");
        ResponseEntity<Map> created = call("storefront", HttpMethod.POST, "/api/subscriptions", "{\"memberId\":" + member
                + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}],\"cycle\":{\"kind\":\"MONTHLY\","
                + "\"day\":20},\"firstDeliveryDate\":\"2031-10-20\",\"carrierCode\":\"yamato\",\"paymentMethod\":\"COD\","
                + "\"fees\":{\"shipping\":880,\"payment\":330,\"cool\":0}}");
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String no = (String) created.getBody().get("subscriptionNo");
        var slot = jdbc.sql("SELECT next_generation_at FROM subscription WHERE subscription_no = :no").param("no", no)
                .query(OffsetDateTime.class).single().toInstant();
        clock.set(slot);
        generation.generate(subscriptions.id(no), slot);
        String generated = jdbc.sql("SELECT order_no FROM customer_order WHERE subscription_no = :no AND delivery_index = 2")
                .param("no", no).query(String.class).single();
        for (String orderNo : List.of((String) created.getBody().get("firstOrderNo"), generated)) {
            Map<String, Object> order = rest.withBasicAuth("operator", "operator").getForObject("/api/orders/" + orderNo,
                    Map.class);
            assertThat((Map<String, Object>) order.get("attributes")).as(orderNo).containsEntry("90", "合同会社定期")
                    .containsEntry("91", "総務部");
        }
    }
}
