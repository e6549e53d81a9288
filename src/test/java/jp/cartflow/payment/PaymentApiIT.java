package jp.cartflow.payment;

import jp.cartflow.order.OrderRepository;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewaySimulator;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment REST API (PAY-1/2/3) and the card-on-file rules the subscription code uses (SUB-17, SUB-27). */
class PaymentApiIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired PaymentFixtures fixtures;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired OrderRepository orders;
    @Autowired GatewaySimulator simulator;
    @Autowired CardsOnFile cards;
    @Autowired PaymentMethods methods;
    @Autowired JdbcClient jdbc;

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("operator", "operator").postForEntity(path,
                json == null ? new HttpEntity<>(headers) : new HttpEntity<>(json, headers), Map.class);
    }

    @SuppressWarnings("rawtypes")
    private static void assertProblem(ResponseEntity<Map> response, int status, String type, String field) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("type", "https://cartflow.jp/problems/" + type)
                .doesNotContainKey("trace");
        if (field != null) {
            assertThat(response.getBody()).containsEntry("field", field);
        }
    }

    private int written(long orderId) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM payment_transaction WHERE order_id = :id) "
                + "+ (SELECT COUNT(*) FROM order_event WHERE order_id = :id)").param("id", orderId)
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("PAY-1 authorize (202, process) → capture → change amount → cancel, each through the gateway once")
    void operationsThroughTheGateway() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = fixtures.order(orderNo, fixtures.member("SBPS", "tok_sbps_ok"), PaymentMethods.SBPS_CARD, 7452);

        ResponseEntity<Map> started = post("/api/orders/" + orderNo + "/payment/authorizations", null);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        Jobs.runAll(management, (String) started.getBody().get("processInstanceId"));
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTHORIZED");
        assertProblem(post("/api/orders/" + orderNo + "/payment/authorizations", null), 409, "conflict", "orderNo");

        ResponseEntity<Map> captured = post("/api/orders/" + orderNo + "/payment/capture", null);
        assertThat(captured.getStatusCode().value()).isEqualTo(200);
        assertThat(captured.getBody()).containsEntry("outcome", "APPROVED").containsEntry("paymentStatus", "CAPTURED")
                .containsEntry("idempotencyKey", "demo:" + orderNo + ":CAPTURE:1");
        assertThat(simulator.statusOf(Gateway.SBPS, orderNo)).isEqualTo("CAPTURED");

        ResponseEntity<Map> changed = post("/api/orders/" + orderNo + "/payment/amount-changes", "{\"amount\":6980}");
        assertThat(changed.getBody()).containsEntry("outcome", "APPROVED").containsEntry("paymentStatus", "CAPTURED");

        ResponseEntity<Map> cancelled = post("/api/orders/" + orderNo + "/payment/cancel", null);
        assertThat(cancelled.getBody()).containsEntry("outcome", "APPROVED").containsEntry("paymentStatus", "CANCELLED");
        assertThat(simulator.statusOf(Gateway.SBPS, orderNo)).isEqualTo("CANCELLED");
        assertThat(simulator.charges("demo:" + orderNo + ":CAPTURE:1")).isEqualTo(1);
        assertThat(orders.events(orderId)).extracting(OrderRepository.OrderEvent::type)
                .contains("PAYMENT_AUTHORIZED", "PAYMENT_CAPTURE", "PAYMENT_CHANGE_AMOUNT", "PAYMENT_CANCEL");
        assertThat(orders.events(orderId)).filteredOn(e -> e.type().equals("PAYMENT_CAPTURE"))
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("operator"));

        assertProblem(post("/api/orders/" + orderNo + "/payment/capture", null), 409, "conflict", "orderNo");
    }

    @Test
    @DisplayName("PAY-1 the gateway does not answer (HTTP 500) → 502 problem, the order and its payment unchanged")
    void gatewayDown() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = fixtures.order(orderNo, fixtures.member("ZEUS", "tok_zeus_ok"), PaymentMethods.ZEUS_CARD, 4000);
        Jobs.runAll(management, (String) post("/api/orders/" + orderNo + "/payment/authorizations", null).getBody()
                .get("processInstanceId"));
        int before = written(orderId);

        assertProblem(post("/api/orders/" + orderNo + "/payment/amount-changes", "{\"amount\":9500}"), 502, "internal",
                "orderNo");

        assertThat(written(orderId)).isEqualTo(before);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTHORIZED");
    }

    @Test
    @DisplayName("bad input on every payment endpoint → problem+json naming the field, nothing written or started")
    void badInput() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = fixtures.order(orderNo, fixtures.member("ZEUS", "tok_zeus_ok"), PaymentMethods.ZEUS_CARD, 5530);
        String codNo = TestOrders.newOrderNo();
        long codId = fixtures.order(codNo, "sato", PaymentMethods.COD, 5530);
        int before = written(orderId) + written(codId);
        long instances = runtime.createProcessInstanceQuery().count();
        String base = "/api/orders/" + orderNo + "/payment";

        for (String op : new String[] {"authorizations", "capture", "cancel"}) {
            assertProblem(post("/api/orders/NO-SUCH-ORDER/payment/" + op, null), 404, "not-found", "orderNo");
            assertProblem(post("/api/orders/" + "X".repeat(65) + "/payment/" + op, null), 400, "validation", "orderNo");
        }
        assertProblem(post("/api/orders/" + codNo + "/payment/authorizations", null), 409, "conflict", "orderNo");
        assertProblem(post(base + "/capture", null), 409, "conflict", "orderNo");
        assertProblem(post(base + "/cancel", null), 409, "conflict", "orderNo");
        assertProblem(post("/api/orders/" + codNo + "/payment/capture", null), 409, "conflict", "orderNo");

        assertProblem(post(base + "/amount-changes", "{\"amount\":-5}"), 400, "validation", "amount");
        assertProblem(post(base + "/amount-changes", "{\"amount\":0}"), 400, "validation", "amount");
        assertProblem(post(base + "/amount-changes", "{}"), 400, "validation", "amount");
        assertProblem(post(base + "/amount-changes", "{\"amount\":\"many\"}"), 400, "malformed-request", "amount");
        assertProblem(post(base + "/amount-changes", "{\"amount\":1.5}"), 400, "malformed-request", "amount");
        assertProblem(post(base + "/amount-changes", "{\"amount\":100,\"currency\":\"JPY\"}"), 400, "malformed-request",
                "currency");
        assertProblem(post(base + "/amount-changes", null), 400, "malformed-request", null);
        assertProblem(post(base + "/amount-changes", "{\"amount\":100}"), 409, "conflict", "orderNo");

        assertProblem(post(base + "/np-screening-results", "{}"), 400, "validation", "approved");
        assertProblem(post(base + "/np-screening-results", "{\"approved\":\"yes\"}"), 400, "malformed-request", "approved");
        assertProblem(post(base + "/np-screening-results", "{\"approved\":true}"), 409, "conflict", "orderNo");

        assertThat(written(orderId) + written(codId)).isEqualTo(before);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("UNPAID");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    @DisplayName("PAY-2 reconciliation endpoints need a login; the simulator needs none (demo/test only)")
    void access() {
        assertThat(rest.postForEntity("/api/payment/reconciliation-runs", null, Map.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(rest.withBasicAuth("tempostar", "tempostar").getForEntity("/api/payment/mismatches", Map.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(rest.getForEntity("/simulator/zeus/status/NO-SUCH-ORDER", String.class).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("SUB-27 card on file: hasCard; switching to card needs a card of that gateway; no delete while an "
            + "active subscription pays by card")
    void cardOnFile() {
        String withCard = fixtures.member("SBPS", "tok_sbps_ok");
        String without = fixtures.member(null, null);
        long cardMember = memberId(withCard);
        long plainMember = memberId(without);

        assertThat(cards.hasCard(cardMember)).isTrue();
        assertThat(cards.hasCard(plainMember)).isFalse();
        cards.requireCardFor(cardMember, PaymentMethods.SBPS_CARD, "paymentMethod");
        cards.requireCardFor(plainMember, PaymentMethods.COD, "paymentMethod");
        assertThatThrownBy(() -> cards.requireCardFor(plainMember, PaymentMethods.SBPS_CARD, "paymentMethod"))
                .isInstanceOf(DomainException.class).satisfies(e -> assertThat(((DomainException) e).rule()).isEqualTo("SUB-27"));
        assertThatThrownBy(() -> cards.requireCardFor(cardMember, PaymentMethods.ZEUS_CARD, "paymentMethod"))
                .isInstanceOf(DomainException.class);

        jdbc.sql("""
                INSERT INTO subscription (shop_id, subscription_no, member_id, cycle_kind, cycle_day, lead_days,
                    payment_method_code, last_name, first_name, zipcode, pref, city, address)
                SELECT shop_id, :no, id, 'MONTHLY', 10, 7, 'SBPS_CARD', last_name, first_name, zipcode, pref, city, address
                FROM member WHERE id = :member""").param("no", "pay-" + cardMember).param("member", cardMember).update();
        assertThat(cards.isInUse(cardMember)).isTrue();
        assertThatThrownBy(() -> cards.delete(cardMember)).isInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).rule()).isEqualTo("SUB-27"));
        assertThat(cards.hasCard(cardMember)).isTrue();

        jdbc.sql("UPDATE subscription SET status = 'ENDED' WHERE member_id = :member").param("member", cardMember).update();
        cards.delete(cardMember);
        assertThat(cards.hasCard(cardMember)).isFalse();
    }

    @Test
    @DisplayName("SUB-17 subscription-capable methods: the shop's enabled ones the carrier supports; no card/NP at 0 yen")
    void subscriptionOptions() {
        assertThat(PaymentMethods.isSubscriptionCapable("COD")).isTrue();
        assertThat(PaymentMethods.isSubscriptionCapable("BANK_TRANSFER")).isFalse();
        long shopId = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        long japanpost = jdbc.sql("SELECT id FROM carrier WHERE code = 'japanpost'").query(Long.class).single();

        assertThat(methods.subscriptionOptions(shopId, null, false)).extracting(PaymentMethods.Option::code)
                .contains("SBPS_CARD", "ZEUS_CARD", "COD", "NP_DEFERRED");
        assertThat(methods.subscriptionOptions(shopId, japanpost, false)).extracting(PaymentMethods.Option::code)
                .as("ゆうパック takes no 代金引換 in the demo shop").doesNotContain("COD").contains("SBPS_CARD");
        assertThat(methods.subscriptionOptions(shopId, null, true)).extracting(PaymentMethods.Option::code)
                .containsExactly("COD");
    }

    private long memberId(String login) {
        return jdbc.sql("SELECT id FROM member WHERE login_id = :login").param("login", login).query(Long.class).single();
    }
}
