package jp.cartflow.order;

import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input on the order-mail and shipping-request endpoints: problem+json, nothing written or started. */
class OrderMailEndpointsIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestOrders testOrders;
    @Autowired RuntimeService runtime;

    private ResponseEntity<Map> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("storefront", "storefront").postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }

    @Test
    @DisplayName("confirmation mail: unknown order 404, wrong type 400, unknown field 400 — nothing queued")
    void confirmationBadInput() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "yamato");
        assertProblem(post("/api/orders/NOPE/confirmation-mails", "{}"), 404, "orderNo");
        assertProblem(post("/api/orders/" + orderNo + "/confirmation-mails", "{\"includeSubscriptionNo\":\"yes\"}"),
                400, "includeSubscriptionNo");
        assertProblem(post("/api/orders/" + orderNo + "/confirmation-mails", "{\"cc\":\"x@example.jp\"}"), 400, "cc");
        assertThat(testOrders.outboxCount(orderId)).isZero();

        ResponseEntity<Map> ok = post("/api/orders/" + orderNo + "/confirmation-mails", "{}");
        assertThat(ok.getStatusCode().value()).isEqualTo(202);
        assertThat(testOrders.outboxCount(orderId)).as("customer + TEMPOSTAR").isEqualTo(2);
    }

    @Test
    @DisplayName("shipping request: unknown order 404, unknown shipment 422, a second request 409 — one task only")
    void shippingRequestBadInput() {
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "yamada", "yamato");
        assertProblem(post("/api/orders/NOPE/shipping-requests", "{}"), 404, "orderNo");
        assertProblem(post("/api/orders/" + orderNo + "/shipping-requests", "{\"shipmentNo\":7}"), 422, "shipmentNo");
        assertProblem(post("/api/orders/" + orderNo + "/shipping-requests", "{\"shipmentNo\":0}"), 400, "shipmentNo");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNo).count()).isZero();

        assertThat(post("/api/orders/" + orderNo + "/shipping-requests", "{}").getStatusCode().value()).isEqualTo(201);
        assertProblem(post("/api/orders/" + orderNo + "/shipping-requests", "{}"), 409, "shipmentNo");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNo).count()).isEqualTo(1);
    }

    private static void assertProblem(ResponseEntity<Map> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("field", field);
    }
}
