package jp.cartflow.order;

import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.SubscriptionCheckout;
import jp.cartflow.subscription.TestSubscriptions;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/orders and /api/orders/{orderNo} (SUB-23, SUB-33, BNC-2) and a subscription's orders. */
class OrderApiIT extends PostgresIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
    @Autowired SubscriptionGeneration generation;
    @Autowired TestOrders testOrders;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> get(String path) {
        return rest.withBasicAuth("operator", "operator").getForEntity(path, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ResponseEntity<Map> page) {
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    /** A subscription checked out on 2031-04-02 (Tokyo) whose second delivery has been generated. */
    private String[] subscriptionWithGeneratedOrder() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2031, 4, 2, 10, 0, 0, 0, TOKYO).toInstant());
        SubscriptionCheckout.Created created = subscriptions.create("yamada", 20, LocalDate.of(2031, 4, 20),
                PaymentMethodCode.COD, null);
        Instant slot = jdbc.sql("SELECT next_generation_at FROM subscription WHERE subscription_no = :no")
                .param("no", created.subscriptionNo()).query(java.time.OffsetDateTime.class).single().toInstant();
        clock.set(slot);
        generation.generate(subscriptions.id(created.subscriptionNo()), slot);
        String generatedNo = jdbc.sql("""
                SELECT order_no FROM customer_order WHERE subscription_no = :no AND delivery_index = 2""")
                .param("no", created.subscriptionNo()).query(String.class).single();
        return new String[] {created.subscriptionNo(), created.firstOrderNo(), generatedNo};
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    @DisplayName("SUB-33 the order list shows the subscription no. of subscription orders, filters regular vs subscription")
    void listShowsSubscriptionNumbers() {
        String[] s = subscriptionWithGeneratedOrder();
        String regular = TestOrders.newOrderNo();
        testOrders.create(regular, "sato", "yamato");

        ResponseEntity<Map> page = get("/api/orders?kind=SUBSCRIPTION&from=2031-04-02&to=2031-05-31&sort=orderNo,asc");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(items(page)).filteredOn(r -> s[0].equals(r.get("subscriptionNo")))
                .extracting(r -> r.get("orderNo")).contains(s[1], s[2]);
        assertThat(items(page)).allSatisfy(r -> assertThat(r.get("subscriptionNo")).isNotNull());

        ResponseEntity<Map> regularOnly = get("/api/orders?kind=REGULAR&from=2026-11-18&to=2026-11-18&size=100");
        assertThat(items(regularOnly)).extracting(r -> r.get("orderNo")).contains(regular);
        assertThat(items(regularOnly)).allSatisfy(r -> assertThat(r.get("subscriptionNo")).isNull());

        ResponseEntity<Map> sorted = get("/api/orders?from=2031-04-02&to=2031-05-31&sort=total,desc&size=1");
        assertThat(items(sorted)).hasSize(1);
        assertThat(((Number) sorted.getBody().get("totalElements")).longValue()).isGreaterThanOrEqualTo(2);

        ResponseEntity<List> orders = rest.withBasicAuth("operator", "operator")
                .getForEntity("/api/subscriptions/" + s[0] + "/orders", List.class);
        assertThat(orders.getStatusCode().value()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) orders.getBody()).extracting(r -> r.get("orderNo"))
                .containsExactly(s[1], s[2]);
    }

    @Test
    @DisplayName("SUB-23 the order detail: lines, totals, payment, shipments, memo, next delivery, events")
    @SuppressWarnings("unchecked")
    void detail() {
        String[] s = subscriptionWithGeneratedOrder();
        ResponseEntity<Map> detail = get("/api/orders/" + s[2]);
        assertThat(detail.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = detail.getBody();
        assertThat(body).containsEntry("orderNo", s[2]).containsEntry("memo", "置き配希望");
        Map<String, Object> sub = (Map<String, Object>) body.get("subscription");
        assertThat(sub).containsEntry("subscriptionNo", s[0]).containsEntry("deliveryIndex", 2);
        assertThat(sub.get("nextDeliveryDate")).isEqualTo("2031-06-20");
        assertThat((String) sub.get("nextDeliverySchedule")).isNotBlank();
        assertThat((List<Map<String, Object>>) body.get("lines")).extracting(l -> l.get("productCode"))
                .containsExactly("CF-COFFEE-200", "CF-TEA-100");
        Map<String, Object> totals = (Map<String, Object>) body.get("totals");
        assertThat(((Number) totals.get("total")).longValue()).isPositive();
        Map<String, Object> payment = (Map<String, Object>) body.get("payment");
        assertThat(payment).containsEntry("methodCode", "COD").containsEntry("status", "UNPAID");
        List<Map<String, Object>> shipments = (List<Map<String, Object>>) body.get("shipments");
        assertThat(shipments).singleElement().satisfies(sh -> {
            assertThat(sh).containsEntry("carrierCode", "yamato").containsEntry("timeSlotCode", "AM")
                    .containsEntry("deliveryDate", "2031-05-20");
            assertThat(sh.get("timeSlotLabel")).isEqualTo("午前中");
        });
        assertThat(body).containsKey("events");

        ResponseEntity<Map> first = get("/api/orders/" + s[1]);
        assertThat((List<Map<String, Object>>) first.getBody().get("events"))
                .anySatisfy(e -> assertThat(e).containsEntry("type", "SUBSCRIPTION_CHECKOUT").containsEntry("actor", "test"));
    }

    @Test
    @DisplayName("BNC-2 each order row and the detail carry the bounce flag of the address; bounced=true filters")
    void bounceFlag() {
        String orderNo = TestOrders.newOrderNo();
        long id = testOrders.create(orderNo, "sato", "yamato");
        String email = orderNo.toLowerCase() + "@bounce.example";
        jdbc.sql("UPDATE customer_order SET email = :email, ordered_at = TIMESTAMP WITH TIME ZONE '2031-07-07 12:00:00+09:00' WHERE id = :id")
                .param("email", email).param("id", id).update();
        String other = TestOrders.newOrderNo();
        long otherId = testOrders.create(other, "sato", "yamato");
        jdbc.sql("UPDATE customer_order SET ordered_at = TIMESTAMP WITH TIME ZONE '2031-07-07 13:00:00+09:00' WHERE id = :id")
                .param("id", otherId).update();
        testOrders.flagBounce(email);

        ResponseEntity<Map> bounced = get("/api/orders?from=2031-07-07&to=2031-07-07&bounced=true");
        assertThat(items(bounced)).extracting(r -> r.get("orderNo")).containsExactly(orderNo);
        assertThat(items(bounced).get(0)).containsEntry("bounced", true);
        ResponseEntity<Map> notBounced = get("/api/orders?from=2031-07-07&to=2031-07-07&bounced=false");
        assertThat(items(notBounced)).extracting(r -> r.get("orderNo")).containsExactly(other);
        assertThat(get("/api/orders/" + orderNo).getBody()).containsEntry("bounced", true);
    }

    @Test
    @DisplayName("bad input on the order list and detail → problem+json naming the parameter")
    void badInput() {
        assertProblem(get("/api/orders?status=LOST"), 422, "status");
        assertProblem(get("/api/orders?paymentStatus=PAID"), 422, "paymentStatus");
        assertProblem(get("/api/orders?kind=GIFT"), 422, "kind");
        assertProblem(get("/api/orders?from=2031-05-02&to=2031-05-01"), 422, "to");
        assertProblem(get("/api/orders?size=1000"), 422, "size");
        assertProblem(get("/api/orders?page=-1"), 422, "page");
        assertProblem(get("/api/orders?sort=price"), 422, "sort");
        assertProblem(get("/api/orders?sort=total,up"), 422, "sort");
        assertThat(get("/api/orders?from=2031-02-30").getStatusCode().value()).isEqualTo(400);
        assertProblem(get("/api/orders/NO-SUCH-ORDER"), 404, "orderNo");
        assertProblem(get("/api/subscriptions/no-such/orders"), 404, "subscriptionNo");
        assertThat(rest.getForEntity("/api/orders", Map.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    @DisplayName("the OpenAPI document lists every back-office endpoint of issue 11")
    @SuppressWarnings("unchecked")
    void openApiListsTheEndpoints() {
        Map<String, Object> paths = (Map<String, Object>) get("/v3/api-docs").getBody().get("paths");
        assertThat(paths).containsKeys("/api/orders", "/api/orders/{orderNo}",
                "/api/subscriptions/{subscriptionNo}/orders", "/api/members", "/api/members/{memberId}",
                "/api/members/{memberId}/addresses", "/api/members/{memberId}/addresses/{entryId}",
                "/api/members/{memberId}/points", "/api/members/{memberId}/points/adjustments",
                "/api/members/{memberId}/attributes", "/api/member-attributes", "/api/member-attributes/{attributeNo}",
                "/api/mypage/members/{memberId}/card", "/api/products", "/api/products/{productCode}",
                "/api/carriers", "/api/carriers/{code}", "/api/carriers/{carrierCode}/payment-methods",
                "/api/payment-methods", "/api/payment-methods/{code}");
    }

    @SuppressWarnings("rawtypes")
    private static void assertProblem(ResponseEntity<Map> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("field", field);
    }
}
