package jp.cartflow.payment.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP adapters against WireMock: every outcome, timeouts, malformed replies, 5xx (PAY-1, PAY-3). */
class HttpCreditGatewayTest {

    private static final WireMockServer wiremock = new WireMockServer(wireMockConfig().dynamicPort());
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        wiremock.start();
    }

    @AfterAll
    static void stop() {
        wiremock.stop();
    }

    @BeforeEach
    void reset() {
        wiremock.resetAll();
    }

    private static HttpCreditGateway adapter(Gateway gateway, WireFormat wire) {
        return new HttpCreditGateway(gateway, wire, () -> wiremock.baseUrl() + "/" + gateway.name().toLowerCase(),
                Duration.ofSeconds(1), Duration.ofSeconds(2), JSON);
    }

    private static HttpCreditGateway zeus() {
        return adapter(Gateway.ZEUS, ZeusCardGateway.WIRE);
    }

    private static GatewayRequest request(String key) {
        return new GatewayRequest("T-1001", 5530, "tok_visa_4242", null, key);
    }

    @Test
    @DisplayName("PAY-1 Zeus approved: the request carries the idempotency key and Zeus's field names")
    void zeusApproved() {
        wiremock.stubFor(post("/zeus/authorize").willReturn(okJson(
                "{\"result\":\"OK\",\"sendpoint\":\"T-1001\",\"ordd\":\"Z123\",\"status\":\"AUTH\"}")));

        GatewayResult result = zeus().authorize(request("demo:T-1001:AUTHORIZE:1"));

        assertThat(result.outcome()).isEqualTo(GatewayResult.Outcome.APPROVED);
        assertThat(result.gatewayRef()).isEqualTo("Z123");
        assertThat(result.state()).isEqualTo(GatewayState.AUTHORIZED);
        wiremock.verify(postRequestedFor(urlEqualTo("/zeus/authorize"))
                .withHeader(HttpCreditGateway.IDEMPOTENCY_KEY, equalTo("demo:T-1001:AUTHORIZE:1"))
                .withRequestBody(equalToJson("{\"sendpoint\":\"T-1001\",\"money\":5530,\"cardToken\":\"tok_visa_4242\"}")));
    }

    @Test
    @DisplayName("PAY-1 Zeus declined is a business outcome with the gateway's reason, not an error")
    void zeusDeclined() {
        wiremock.stubFor(post("/zeus/authorize").willReturn(okJson(
                "{\"result\":\"NG\",\"errCode\":\"G12\",\"errMessage\":\"カード利用不可\"}")));

        GatewayResult result = zeus().authorize(request("k-declined"));

        assertThat(result.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
        assertThat(result.reason()).isEqualTo("G12 カード利用不可");
    }

    @Test
    @DisplayName("SB Payment Service: capture approved maps state CAPTURED; the tracking id is sent")
    void sbpsCapture() {
        wiremock.stubFor(post("/sbps/capture").willReturn(okJson(
                "{\"resultCode\":\"OK\",\"trackingId\":\"S9\",\"state\":\"CAPTURED\"}")));

        GatewayResult result = adapter(Gateway.SBPS, SbpsCardGateway.WIRE)
                .capture(new GatewayRequest("T-2", 100, null, "S9", "k-capture"));

        assertThat(result.outcome()).isEqualTo(GatewayResult.Outcome.APPROVED);
        assertThat(result.state()).isEqualTo(GatewayState.CAPTURED);
        wiremock.verify(postRequestedFor(urlEqualTo("/sbps/capture"))
                .withRequestBody(equalToJson("{\"merchantOrderId\":\"T-2\",\"amount\":100,\"trackingId\":\"S9\"}")));
    }

    @Test
    @DisplayName("PAY-3 NP screening on hold → PENDING; NP declined → DECLINED with authoriNgReason")
    void npPendingAndDeclined() {
        HttpCreditGateway np = adapter(Gateway.NP, NpDeferredGateway.WIRE);
        wiremock.stubFor(post("/np/authorize").willReturn(okJson(
                "{\"authoriResult\":\"HOLD\",\"npTransactionId\":\"N1\",\"transactionStatus\":\"UNDER_REVIEW\"}")));
        GatewayResult pending = np.authorize(new GatewayRequest("T-3", 3260, null, null, "k-np-1"));
        assertThat(pending.outcome()).isEqualTo(GatewayResult.Outcome.PENDING);
        assertThat(pending.state()).isEqualTo(GatewayState.PENDING);

        wiremock.stubFor(post("/np/authorize").willReturn(okJson(
                "{\"authoriResult\":\"NG\",\"authoriNgReason\":\"RE009\"}")));
        GatewayResult declined = np.authorize(new GatewayRequest("T-3", 3260, null, null, "k-np-2"));
        assertThat(declined.outcome()).isEqualTo(GatewayResult.Outcome.DECLINED);
        assertThat(declined.reason()).isEqualTo("RE009");
    }

    @Test
    @DisplayName("status query: the gateway's code is mapped; 404 = the gateway does not know the order")
    void statusQuery() {
        wiremock.stubFor(get("/zeus/status/T-1001").willReturn(okJson(
                "{\"result\":\"OK\",\"ordd\":\"Z1\",\"status\":\"SALES\"}")));
        wiremock.stubFor(get("/zeus/status/T-404").willReturn(aResponse().withStatus(404)));

        assertThat(zeus().status("T-1001").state()).isEqualTo(GatewayState.CAPTURED);
        assertThat(zeus().status("T-1001").gatewayStatus()).isEqualTo("SALES");
        assertThat(zeus().status("T-404").state()).isEqualTo(GatewayState.UNKNOWN);
    }

    @ParameterizedTest(name = "HTTP {0} → technical failure")
    @EnumSource(value = org.springframework.http.HttpStatus.class, names = {"INTERNAL_SERVER_ERROR", "BAD_GATEWAY",
            "SERVICE_UNAVAILABLE", "BAD_REQUEST"})
    @DisplayName("5xx (and unexpected 4xx) → GatewayUnavailableException, retryable")
    void httpErrors(org.springframework.http.HttpStatus status) {
        wiremock.stubFor(post("/zeus/authorize").willReturn(aResponse().withStatus(status.value())
                .withBody("{\"result\":\"OK\"}")));

        assertThatThrownBy(() -> zeus().authorize(request("k-" + status.value())))
                .isInstanceOf(GatewayUnavailableException.class).hasMessageContaining("HTTP " + status.value());
    }

    @Test
    @DisplayName("malformed replies → technical failure: not JSON, unknown result code, unknown status code, empty")
    void malformedReplies() {
        for (String body : new String[] {"<html>メンテナンス中</html>", "{\"result\":\"MAYBE\"}",
                "{\"result\":\"OK\",\"status\":\"WHATEVER\"}", "", "[1,2]"}) {
            wiremock.stubFor(post("/zeus/authorize").willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(body)));
            assertThatThrownBy(() -> zeus().authorize(request("k-malformed"))).as(body)
                    .isInstanceOf(GatewayUnavailableException.class);
        }
    }

    @Test
    @DisplayName("connection refused and a dropped connection → technical failure")
    void connectionFailures() {
        HttpCreditGateway nobody = new HttpCreditGateway(Gateway.ZEUS, ZeusCardGateway.WIRE,
                () -> "http://127.0.0.1:" + freePort() + "/zeus", Duration.ofMillis(500), Duration.ofMillis(500), JSON);
        assertThatThrownBy(() -> nobody.authorize(request("k-refused"))).isInstanceOf(GatewayUnavailableException.class);

        wiremock.stubFor(post("/zeus/authorize").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> zeus().authorize(request("k-reset"))).isInstanceOf(GatewayUnavailableException.class);
    }

    @Test
    @DisplayName("PAY-1 a retried authorization after a timeout reaches the gateway with the same idempotency key")
    void timeoutThenRetryWithSameKey() {
        wiremock.stubFor(post("/zeus/authorize").inScenario("slow").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"result\":\"OK\",\"ordd\":\"Z7\",\"status\":\"AUTH\"}").withFixedDelay(4000))
                .willSetStateTo("fast"));
        wiremock.stubFor(post("/zeus/authorize").inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(okJson("{\"result\":\"OK\",\"ordd\":\"Z7\",\"status\":\"AUTH\"}")));
        String key = "demo:T-1001:AUTHORIZE:1";

        assertThatThrownBy(() -> zeus().authorize(request(key))).isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("not answered");
        GatewayResult retried = zeus().authorize(request(key));

        assertThat(retried.outcome()).isEqualTo(GatewayResult.Outcome.APPROVED);
        wiremock.verify(2, postRequestedFor(urlEqualTo("/zeus/authorize"))
                .withHeader(HttpCreditGateway.IDEMPOTENCY_KEY, equalTo(key)));
    }

    @Test
    @DisplayName("no base URL configured → technical failure (an incident, not a silent approval)")
    void noBaseUrl() {
        HttpCreditGateway unconfigured = new HttpCreditGateway(Gateway.SBPS, SbpsCardGateway.WIRE, () -> "",
                Duration.ofSeconds(1), Duration.ofSeconds(1), JSON);
        assertThatThrownBy(() -> unconfigured.authorize(request("k"))).isInstanceOf(GatewayUnavailableException.class)
                .hasMessageContaining("no base URL");
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
