package jp.cartflow.payment.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link CreditGateway} over HTTP: Spring's {@link RestClient} on the JDK {@link HttpClient} with connect
 * and read timeouts. Outcomes: 2xx with the dialect's approved / declined / pending code → a
 * {@link GatewayResult}; 5xx, any other status, timeout, connection failure or a reply the dialect does not
 * recognise → {@link GatewayUnavailableException}. The status query maps 404 to {@link GatewayState#UNKNOWN}.
 */
class HttpCreditGateway implements CreditGateway {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Gateway gateway;
    private final WireFormat wire;
    private final Supplier<String> baseUrl;
    private final RestClient http;
    private final ObjectMapper json;

    /**
     * @param baseUrl read at every call, so a test or demo server on a random port can be named
     *                after the application started
     */
    public HttpCreditGateway(Gateway gateway, WireFormat wire, Supplier<String> baseUrl, Duration connectTimeout,
                             Duration readTimeout, ObjectMapper json) {
        this.gateway = gateway;
        this.wire = wire;
        this.baseUrl = baseUrl;
        this.json = json;
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(readTimeout);
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    public WireFormat wire() {
        return wire;
    }

    @Override
    public Gateway gateway() {
        return gateway;
    }

    @Override
    public GatewayResult authorize(GatewayRequest request) {
        return post(GatewayOperation.AUTHORIZE, request);
    }

    @Override
    public GatewayResult capture(GatewayRequest request) {
        return post(GatewayOperation.CAPTURE, request);
    }

    @Override
    public GatewayResult cancel(GatewayRequest request) {
        return post(GatewayOperation.CANCEL, request);
    }

    @Override
    public GatewayResult changeAmount(GatewayRequest request) {
        return post(GatewayOperation.CHANGE_AMOUNT, request);
    }

    @Override
    public GatewayResult status(String orderNo) {
        URI uri = URI.create(base() + "/status/" + orderNo);
        return call(GatewayOperation.STATUS, () -> http.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .exchange((req, res) -> read(GatewayOperation.STATUS, res.getStatusCode(), res.getBody().readAllBytes(),
                        true), false));
    }

    private GatewayResult post(GatewayOperation operation, GatewayRequest request) {
        URI uri = URI.create(base() + "/" + operation.path());
        return call(operation, () -> http.post().uri(uri).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .header(IDEMPOTENCY_KEY, request.idempotencyKey())
                .body(wire.requestBody(request))
                .exchange((req, res) -> read(operation, res.getStatusCode(), res.getBody().readAllBytes(), false),
                        false));
    }

    private String base() {
        String url = baseUrl.get();
        if (url == null || url.isBlank()) {
            throw new GatewayUnavailableException(gateway, "no base URL configured", null);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private GatewayResult call(GatewayOperation operation, Supplier<GatewayResult> exchange) {
        try {
            return exchange.get();
        } catch (ResourceAccessException e) {
            throw new GatewayUnavailableException(gateway, operation + " not answered: " + e.getMessage(), e);
        } catch (RestClientException e) {
            throw new GatewayUnavailableException(gateway, operation + " failed: " + e.getMessage(), e);
        }
    }

    private GatewayResult read(GatewayOperation operation, HttpStatusCode status, byte[] body, boolean notFoundIsUnknown)
            throws IOException {
        if (notFoundIsUnknown && status.value() == 404) {
            return new GatewayResult(GatewayResult.Outcome.APPROVED, null, null, GatewayState.UNKNOWN, null);
        }
        if (!status.is2xxSuccessful()) {
            throw new GatewayUnavailableException(gateway, operation + " answered HTTP " + status.value(), null);
        }
        JsonNode reply;
        try {
            reply = json.readTree(body);
        } catch (IOException e) {
            throw new GatewayUnavailableException(gateway, operation + " answered a body that is not JSON", e);
        }
        Optional<GatewayResult> result = wire.parse(reply);
        return result.orElseThrow(() -> new GatewayUnavailableException(gateway,
                operation + " answered an unexpected reply: " + abbreviate(reply), null));
    }

    private static String abbreviate(JsonNode reply) {
        String text = String.valueOf(reply);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
