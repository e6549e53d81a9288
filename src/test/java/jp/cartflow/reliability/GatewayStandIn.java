package jp.cartflow.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Zeus, SB Payment Service and NP on one WireMock server, approving every authorization after a fixed delay. A
 * real gateway charges once per idempotency key; the stand-in counts requests per key, so a test tells requests
 * (replays included) from charges (distinct keys).
 */
final class GatewayStandIn implements AutoCloseable {

    static final String KEY = "Idempotency-Key";

    final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64)
            .jettyAcceptors(2));

    GatewayStandIn(int delayMillis) {
        server.start();
        approve("zeus", "{\"result\":\"OK\",\"ordd\":\"Z-1\",\"status\":\"AUTH\"}", delayMillis);
        approve("sbps", "{\"resultCode\":\"OK\",\"trackingId\":\"S-1\",\"state\":\"AUTHORIZED\"}", delayMillis);
        approve("np", "{\"authoriResult\":\"OK\",\"npTransactionId\":\"N-1\",\"transactionStatus\":\"APPROVED\"}",
                delayMillis);
    }

    private void approve(String gateway, String body, int delayMillis) {
        server.stubFor(post(urlPathMatching("/" + gateway + "/authorize")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body).withFixedDelay(delayMillis)));
    }

    /** Command-line settings that point a node's three gateways here. */
    List<String> arguments() {
        return List.of("--cartflow.payment.zeus.base-url=" + server.baseUrl() + "/zeus",
                "--cartflow.payment.sbps.base-url=" + server.baseUrl() + "/sbps",
                "--cartflow.payment.np.base-url=" + server.baseUrl() + "/np");
    }

    /** Authorization requests per idempotency key (key → count). */
    Map<String, Long> requestsPerKey() {
        List<LoggedRequest> requests = server.findAll(anyRequestedFor(urlPathMatching("/.*/authorize")));
        return requests.stream().collect(Collectors.groupingBy(r -> r.getHeader(KEY), Collectors.counting()));
    }

    @Override
    public void close() {
        server.stop();
    }
}
