package jp.cartflow.shop;

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

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shop's master data over REST: products, carriers, payment methods, members — then a checkout that uses them. */
@SuppressWarnings({"rawtypes", "unchecked"})
class MasterDataApiIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
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

    private static ResponseEntity<Map> ok(ResponseEntity<Map> r) {
        assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
        return r;
    }

    private static void problem(ResponseEntity<Map> r, int status, String field) {
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(status);
        assertThat(String.valueOf(r.getHeaders().getContentType())).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.getBody()).containsEntry("field", field);
        }
    }

    private static final String ADDRESS = "{\"lastName\":\"設定\",\"firstName\":\"花子\",\"zipcode\":\"100-0001\","
            + "\"pref\":\"東京都\",\"city\":\"千代田区\",\"address\":\"千代田1-1\"}";

    @Test
    @DisplayName("SUB-8 SUB-16 SUB-17 MAIL-2 a shop set up over REST: product, carrier with slots, methods, member → checkout")
    void setUpOverRest() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2031, 11, 1, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        ResponseEntity<Map> product = ok(call("storefront", HttpMethod.PUT, "/api/products/MD-SOAP-1",
                "{\"name\":\"無添加石けん\",\"price\":800,\"subscriptionEnabled\":true,\"firstPrice\":600,"
                        + "\"repeatPrice\":720,\"maxDeliveries\":3,\"stock\":40,\"stockUnlimited\":false}"));
        assertThat(product.getBody()).containsEntry("maxDeliveries", 3).containsEntry("stock", 40);
        ok(call("storefront", HttpMethod.PUT, "/api/carriers/md-post",
                "{\"name\":\"テスト便\",\"trackingUrlTemplate\":\"https://track.example.jp/?no={trackingNo}\","
                        + "\"trackingNumberPattern\":\"[0-9]{10}\",\"timeSlots\":[{\"code\":\"AM\",\"label\":\"午前中\"},"
                        + "{\"code\":\"14-16\",\"label\":\"14〜16時\"}]}"));
        ResponseEntity<Map> method = ok(call("storefront", HttpMethod.PUT, "/api/payment-methods/COD",
                "{\"name\":\"代金引換\",\"enabled\":true,\"subscriptionEnabled\":true,\"fee\":330}"));
        assertThat(method.getBody()).containsEntry("code", "COD");
        assertThat((List<String>) ok(call("storefront", HttpMethod.PUT, "/api/carriers/md-post/payment-methods",
                "{\"paymentMethods\":[\"COD\",\"SBPS_CARD\"]}")).getBody().get("paymentMethods"))
                .containsExactlyInAnyOrder("SBPS_CARD", "COD");
        ResponseEntity<Map> member = call("storefront", HttpMethod.POST, "/api/members",
                "{\"loginId\":\"md-member\",\"email\":\"md-member@example.jp\",\"address\":" + ADDRESS + "}");
        assertThat(member.getStatusCode().value()).as("%s", member.getBody()).isEqualTo(201);
        long memberId = subscriptions.memberId("md-member");
        ResponseEntity<Map> entry = call("storefront", HttpMethod.POST, "/api/members/" + memberId + "/addresses",
                "{\"label\":\"実家\",\"address\":" + ADDRESS + "}");
        assertThat(entry.getStatusCode().value()).as("%s", entry.getBody()).isEqualTo(201);
        ok(call("storefront", HttpMethod.PUT, "/api/members/" + memberId,
                "{\"loginId\":\"md-member\",\"email\":\"md-new@example.jp\",\"address\":" + ADDRESS + "}"));

        ResponseEntity<Map> created = call("storefront", HttpMethod.POST, "/api/subscriptions", "{\"memberId\":" + memberId
                + ",\"items\":[{\"productCode\":\"MD-SOAP-1\",\"quantity\":2}],\"cycle\":{\"kind\":\"MONTHLY\","
                + "\"day\":20},\"firstDeliveryDate\":\"2031-11-20\",\"carrierCode\":\"md-post\",\"timeSlotCode\":\"14-16\","
                + "\"paymentMethod\":\"COD\",\"fees\":{\"shipping\":500,\"payment\":330,\"cool\":0}}");
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        assertThat(((Number) created.getBody().get("firstOrderTotal")).longValue()).isEqualTo(600 * 2 + 500 + 330);
        Map<String, Object> sub = rest.withBasicAuth("storefront", "storefront")
                .getForObject("/api/subscriptions/" + created.getBody().get("subscriptionNo"), Map.class);
        assertThat((List<Map<String, Object>>) sub.get("items")).singleElement()
                .satisfies(i -> assertThat(i).as("定期購入回数 from the product").containsEntry("maxDeliveries", 3));
        Map<String, Object> order = rest.withBasicAuth("operator", "operator")
                .getForObject("/api/orders/" + created.getBody().get("firstOrderNo"), Map.class);
        assertThat((List<Map<String, Object>>) order.get("shipments")).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("timeSlotLabel", "14〜16時"));
    }

    @Test
    @DisplayName("bad master data → 4xx problem+json naming the field or rule, nothing written")
    void badInput() {
        int products = jdbc.sql("SELECT COUNT(*) FROM product").query(Integer.class).single();
        problem(call("storefront", HttpMethod.PUT, "/api/products/MD-BAD", "{\"name\":\"x\",\"price\":-1,"
                + "\"subscriptionEnabled\":false}"), 400, "price");
        problem(call("storefront", HttpMethod.PUT, "/api/products/MD-BAD", "{\"name\":\"x\",\"price\":1,"
                + "\"subscriptionEnabled\":true}"), 422, "repeatPrice");
        problem(call("storefront", HttpMethod.PUT, "/api/products/CF-COFFEE-200", "{\"name\":\"x\",\"price\":1,"
                + "\"subscriptionEnabled\":false,\"stock\":5}"), 422, "stock");
        problem(call("operator", HttpMethod.PUT, "/api/products/MD-BAD", "{\"name\":\"x\",\"price\":1,"
                + "\"subscriptionEnabled\":false}"), 403, null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM product").query(Integer.class).single()).isEqualTo(products);

        problem(call("storefront", HttpMethod.PUT, "/api/carriers/md-bad", "{\"name\":\"x\",\"trackingUrlTemplate\":"
                + "\"https://t.example/\",\"timeSlots\":[]}"), 422, "trackingUrlTemplate");
        problem(call("storefront", HttpMethod.PUT, "/api/carriers/md-bad", "{\"name\":\"x\",\"trackingNumberPattern\":"
                + "\"[0-9\",\"timeSlots\":[]}"), 422, "trackingNumberPattern");
        problem(call("storefront", HttpMethod.PUT, "/api/carriers/md-bad", "{\"name\":\"x\",\"timeSlots\":"
                + "[{\"code\":\"AM\",\"label\":\"a\"},{\"code\":\"AM\",\"label\":\"b\"}]}"), 422, "timeSlots[1].code");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM carrier WHERE code = 'md-bad'").query(Integer.class).single()).isZero();

        problem(call("storefront", HttpMethod.PUT, "/api/payment-methods/PAYPAY", "{\"name\":\"x\",\"enabled\":true,"
                + "\"subscriptionEnabled\":false,\"fee\":0}"), 422, "code");
        problem(call("storefront", HttpMethod.PUT, "/api/payment-methods/COD", "{\"name\":\"x\",\"enabled\":true,"
                + "\"subscriptionEnabled\":true,\"fee\":-5}"), 400, "fee");
        problem(call("storefront", HttpMethod.PUT, "/api/carriers/yamato/payment-methods",
                "{\"paymentMethods\":[\"COD\",\"PAYPAY\"]}"), 422, "paymentMethods");
        problem(call("storefront", HttpMethod.PUT, "/api/carriers/nope/payment-methods",
                "{\"paymentMethods\":[\"COD\"]}"), 404, "carrierCode");

        problem(call("storefront", HttpMethod.POST, "/api/members", "{\"loginId\":\"yamada\",\"email\":\"y@example.jp\","
                + "\"address\":" + ADDRESS + "}"), 409, "loginId");
        problem(call("storefront", HttpMethod.POST, "/api/members", "{\"loginId\":\"md-x\",\"email\":\"not-mail\","
                + "\"address\":" + ADDRESS + "}"), 400, null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member WHERE login_id = 'md-x'").query(Integer.class).single()).isZero();
    }
}
