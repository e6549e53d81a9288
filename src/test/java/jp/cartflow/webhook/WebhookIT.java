package jp.cartflow.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.SubscriptionCheckout;
import jp.cartflow.subscription.TestSubscriptions;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks against a real local HTTP server (WireMock): registration, outbox, signature, retry, replay, order. */
class WebhookIT extends PostgresIntegrationTest {

    static WireMockServer receiver;

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions testSubscriptions;
    @Autowired WebhookDispatch dispatch;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired PlatformTransactionManager transactions;

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void setUp() {
        testSubscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        receiver.resetAll();
        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(204)));
        // endpoints of other tests stop collecting events
        jdbc.sql("UPDATE webhook_endpoint SET status = 'DISABLED'").update();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }

    private Map<Object, Object> register(String... types) {
        String list = String.join("\",\"", types);
        ResponseEntity<Map> created = call("storefront", HttpMethod.POST, "/api/webhooks/endpoints",
                "{\"url\":\"" + receiver.baseUrl() + "/hooks\",\"eventTypes\":[\"" + list + "\"],"
                        + "\"description\":\"基幹システム連携\"}");
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return (Map<Object, Object>) created.getBody();
    }

    private SubscriptionCheckout.Created checkout() {
        return testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25), PaymentMethodCode.COD, null);
    }

    /** SUB-20 over the shop's REST API, as the storefront would. */
    private void skip(String subscriptionNo, boolean skip) {
        ResponseEntity<Map> answer = call("storefront", skip ? HttpMethod.POST : HttpMethod.DELETE,
                "/api/subscriptions/" + subscriptionNo + "/skip", null);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    private List<LoggedRequest> received() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hooks")));
    }

    /** The receiver's side, as in docs/webhooks.md: recompute the HMAC over "t.body" with the secret. */
    private static boolean verifies(LoggedRequest request, String secret) {
        String header = request.getHeader("Cartflow-Signature");
        String t = header.replaceAll("^t=(\\d+),v1=.*$", "$1");
        String v1 = header.replaceAll("^.*v1=([0-9a-f]+)$", "$1");
        return WebhookSignature.hmac(secret, t + "." + request.getBodyAsString()).equals(v1);
    }

    @Test
    @DisplayName("registration shows the secret once; bad input is 400/422 and writes nothing; operators may not register")
    void registration() {
        Map<Object, Object> created = register("order.placed");
        assertThat((String) created.get("secret")).startsWith("whsec_");
        ResponseEntity<Map> read = call("storefront", HttpMethod.GET, "/api/webhooks/endpoints/" + created.get("id"), null);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody()).doesNotContainKey("secret").containsEntry("status", "ACTIVE");

        int before = jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint").query(Integer.class).single();
        ResponseEntity<Map> unknownType = call("storefront", HttpMethod.POST, "/api/webhooks/endpoints",
                "{\"url\":\"https://erp.example.co.jp/hooks\",\"eventTypes\":[\"order.placed\",\"order.exploded\"]}");
        assertThat(unknownType.getStatusCode().value()).isEqualTo(422);
        assertThat(unknownType.getBody()).containsEntry("field", "eventTypes[1]");
        ResponseEntity<Map> notUrl = call("storefront", HttpMethod.POST, "/api/webhooks/endpoints",
                "{\"url\":\"ftp://erp.example.co.jp\",\"eventTypes\":[\"order.placed\"]}");
        assertThat(notUrl.getStatusCode().value()).isEqualTo(422);
        assertThat(notUrl.getBody()).containsEntry("field", "url");
        ResponseEntity<Map> noTypes = call("storefront", HttpMethod.POST, "/api/webhooks/endpoints",
                "{\"url\":\"https://erp.example.co.jp/hooks\",\"eventTypes\":[]}");
        assertThat(noTypes.getStatusCode().value()).isEqualTo(400);
        assertThat(call("operator", HttpMethod.POST, "/api/webhooks/endpoints",
                "{\"url\":\"https://erp.example.co.jp/hooks\",\"eventTypes\":[\"order.placed\"]}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint").query(Integer.class).single()).isEqualTo(before);
        assertThat(call("storefront", HttpMethod.GET, "/api/webhooks/endpoints/999999", null).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    @DisplayName("SUB-2 checkout: subscription.created and order.placed are delivered signed, with event id and version")
    void signedDelivery() throws Exception {
        Map<Object, Object> endpoint = register("subscription.created", "order.placed", "subscription.skipped");
        SubscriptionCheckout.Created created = checkout();
        assertThat(dispatch.dispatchDue(10)).isEqualTo(2);

        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(2);
        for (LoggedRequest r : requests) {
            assertThat(verifies(r, (String) endpoint.get("secret"))).isTrue();
            assertThat(verifies(r, "whsec_wrong")).isFalse();
            JsonNode body = json.readTree(r.getBodyAsString());
            assertThat(r.getHeader("Cartflow-Event-Id")).isEqualTo(body.get("id").asText()).startsWith("evt_");
            assertThat(body.get("version").asInt()).isEqualTo(1);
        }
        JsonNode sub = json.readTree(requests.stream()
                .filter(r -> "subscription.created".equals(r.getHeader("Cartflow-Event-Type"))).findFirst()
                .orElseThrow().getBodyAsString());
        assertThat(sub.at("/data/subscriptionNo").asText()).isEqualTo(created.subscriptionNo());
        assertThat(sub.at("/data/firstOrderNo").asText()).isEqualTo(created.firstOrderNo());
        assertThat(sub.at("/data/state/paymentMethod").asText()).isEqualTo("COD");
        assertThat(sub.at("/data/state/items/0/productCode").asText()).isEqualTo("CF-COFFEE-200");
        assertThat(dispatch.dispatchDue(10)).isZero(); // delivered once

        Map<Object, Object> log = (Map<Object, Object>) call("storefront", HttpMethod.GET, "/api/webhooks/deliveries/"
                + jdbc.sql("SELECT MIN(id) FROM webhook_delivery WHERE endpoint_id = :e")
                .param("e", ((Number) endpoint.get("id")).longValue()).query(Long.class).single(), null).getBody();
        assertThat((Map<String, Object>) log.get("delivery")).containsEntry("status", "DELIVERED");
        assertThat((List<?>) log.get("attempts")).hasSize(1);
    }

    @Test
    @DisplayName("an event of a rolled-back change never reaches the outbox")
    void rolledBack() {
        register("subscription.created");
        int before = jdbc.sql("SELECT COUNT(*) FROM webhook_event").query(Integer.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            checkout();
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_event").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("retries back off exponentially; after 24 h the delivery fails, the endpoint is FAILING; replay resends the same event id")
    void retryGiveUpAndReplay() {
        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(503)));
        Map<Object, Object> endpoint = register("subscription.skipped");
        long endpointId = ((Number) endpoint.get("id")).longValue();
        SubscriptionCheckout.Created created = checkout();
        skip(created.subscriptionNo(), true);

        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        assertThat(dispatch.dispatchDue(10)).as("not due before its backoff").isZero();
        clock.set(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        clock.set(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(dispatch.dispatchDue(10)).as("second retry waits 60 s").isZero();
        clock.set(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        for (int i = 0; i < 40; i++) {
            clock.set(clock.instant().plus(Duration.ofHours(1)));
            dispatch.dispatchDue(10);
        }
        Map<Object, Object> failing = (Map<Object, Object>) call("storefront", HttpMethod.GET, "/api/webhooks/endpoints/" + endpointId, null).getBody();
        assertThat(failing).containsEntry("status", "FAILING");
        ResponseEntity<List> listed = rest.withBasicAuth("storefront", "storefront")
                .getForEntity("/api/webhooks/endpoints?status=FAILING", List.class);
        assertThat(listed.getBody()).extracting(e -> ((Map<?, ?>) e).get("id")).contains((int) endpointId);
        long deliveryId = jdbc.sql("SELECT id FROM webhook_delivery WHERE endpoint_id = :e").param("e", endpointId)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM webhook_delivery WHERE id = :id").param("id", deliveryId)
                .query(String.class).single()).isEqualTo("FAILED");
        int attempts = received().size();
        assertThat(attempts).isBetween(8, 20);

        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        assertThat(call("storefront", HttpMethod.POST, "/api/webhooks/deliveries/" + deliveryId + "/replay", null)
                .getStatusCode().value()).isEqualTo(202);
        assertThat(dispatch.dispatchDue(10)).as("a FAILING endpoint gets nothing").isZero();
        assertThat(call("storefront", HttpMethod.POST, "/api/webhooks/endpoints/" + endpointId + "/reactivate", null)
                .getBody()).containsEntry("status", "ACTIVE");
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1);
        List<LoggedRequest> all = received();
        assertThat(all.get(all.size() - 1).getHeader("Cartflow-Event-Id")).isEqualTo(all.get(0).getHeader("Cartflow-Event-Id"));
        assertThat(call("storefront", HttpMethod.POST, "/api/webhooks/deliveries/999999/replay", null)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    @DisplayName("SUB-20 per-subscription order: a later event waits while an earlier one of the same subscription is retried")
    void orderingPerSubscription() throws Exception {
        register("subscription.skipped");
        SubscriptionCheckout.Created first = checkout();
        SubscriptionCheckout.Created other = checkout();
        skip(first.subscriptionNo(), true);
        skip(first.subscriptionNo(), false);
        skip(other.subscriptionNo(), true);
        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(500)));

        assertThat(dispatch.dispatchDue(10)).as("the head of each subscription only").isEqualTo(2);
        receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
        assertThat(dispatch.dispatchDue(10)).as("both heads are backing off").isZero();
        clock.set(clock.instant().plus(Duration.ofSeconds(30)));
        assertThat(dispatch.dispatchDue(10)).isEqualTo(2); // the two heads
        assertThat(dispatch.dispatchDue(10)).isEqualTo(1); // then the un-skip of the first subscription
        List<Boolean> firstSkips = received().stream().map(this::readTree).filter(n -> n.at("/data/subscriptionNo").asText().equals(first.subscriptionNo()))
                .map(n -> n.at("/data/skipped").asBoolean()).toList();
        assertThat(firstSkips).containsExactly(true, true, false);
    }

    private JsonNode readTree(LoggedRequest r) {
        try {
            return json.readTree(r.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
