package jp.cartflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The cases of issue 9, one by one; ApiFuzzIT covers the same ground generically. */
@DisplayName("Strict input on /api")
class StrictInputIT extends PostgresIntegrationTest {

    @Autowired ObjectMapper objectMapper;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();

    /** A checkout that fails only where a test breaks it: the member does not exist (422 at the earliest). */
    static String checkout(String fees, String date, String recipientName) {
        return "{\"memberId\":987654321,\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}],"
                + "\"cycle\":{\"kind\":\"MONTHLY\",\"day\":25},\"firstDeliveryDate\":" + date + ","
                + "\"carrierCode\":\"yamato\",\"paymentMethod\":\"COD\",\"fees\":" + fees
                + ",\"recipient\":{\"lastName\":" + recipientName + ",\"firstName\":\"太郎\",\"zipcode\":\"150-0001\","
                + "\"pref\":\"東京都\",\"city\":\"渋谷区\",\"address\":\"1-2-3\"}}";
    }

    static final String FEES = "{\"shipping\":880,\"payment\":0,\"cool\":0}";

    JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return objectMapper.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic ZGVtbzpkZW1v").header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode checkoutProblem(String fees, String date, String recipientName, int status) throws Exception {
        return problem(send("POST", "/api/subscriptions", checkout(fees, date, recipientName)), status);
    }

    int subscriptions() {
        return jdbc.sql("SELECT COUNT(*) FROM subscription").query(Integer.class).single();
    }

    @Test
    @DisplayName("duplicate JSON keys → 400 naming the key (was 500 on records)")
    void duplicateKeys() throws Exception {
        JsonNode body = checkoutProblem("{\"shipping\":880,\"shipping\":1,\"payment\":0,\"cool\":0}", "\"2030-01-07\"", "\"山田\"", 400);
        assertThat(body.path("type").asText()).endsWith("/malformed-request");
        assertThat(body.toString()).contains("shipping");
    }

    @Test
    @DisplayName("a number where a string is expected, a date-time where a date is expected → 400 naming the field")
    void wrongScalarTypes() throws Exception {
        assertThat(checkoutProblem(FEES, "\"2030-01-07\"", "12345", 400)
                .path("field").asText()).isEqualTo("recipient.lastName");
        assertThat(checkoutProblem(FEES, "\"2030-01-07T00:00:00\"", "\"山田\"", 400)
                .path("field").asText()).isEqualTo("firstDeliveryDate");
    }

    @ParameterizedTest(name = "{0} → 400")
    @ValueSource(strings = {"\"+10000-01-01\"", "\"1999-12-31\"", "\"2101-01-01\"", "\"２０３０-01-07\"", "20300107"})
    @DisplayName("dates outside 2000–2100 (or not yyyy-MM-dd) → 400 naming the field; nothing stored")
    void dateWindow(String date) throws Exception {
        int before = subscriptions();
        assertThat(checkoutProblem(FEES, date, "\"山田\"", 400)
                .path("field").asText()).isEqualTo("firstDeliveryDate");
        assertThat(subscriptions()).isEqualTo(before);
    }

    @Test
    @DisplayName("shipping 9223372036854775000 → 422 naming fees.shipping (was a DB CHECK and 500)")
    void feeUpperBound() throws Exception {
        JsonNode body = checkoutProblem("{\"shipping\":9223372036854775000,\"payment\":0,\"cool\":0}", "\"2030-01-07\"", "\"山田\"", 422);
        assertThat(body.path("field").asText()).isEqualTo("fees.shipping");
        assertThat(body.path("type").asText()).endsWith("/validation");
    }

    @Test
    @DisplayName("a repeat price of Long.MAX_VALUE → 422 naming repeatPrice (was accepted, then an incident)")
    void repeatPriceUpperBound() throws Exception {
        JsonNode body = problem(send("PATCH", "/api/subscriptions/NO-SUCH/items/1",
                "{\"repeatPrice\":" + Long.MAX_VALUE + "}"), 422);
        assertThat(body.path("field").asText()).isEqualTo("repeatPrice");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"山田\\r\\nBcc: x@example.com\"", "\"山田\\n\"", "\"山\\u0000田\""})
    @DisplayName("CR, LF or NUL in a name → 400 naming the field")
    void lineBreaksInNames(String name) throws Exception {
        assertThat(checkoutProblem(FEES, "\"2030-01-07\"", name, 400)
                .path("field").asText()).isEqualTo("recipient.lastName");
    }

    @Test
    @DisplayName("a memo may span lines (@MultiLine): the request gets past reading (404 for the unknown subscription)")
    void memoMaySpanLines() throws Exception {
        assertThat(send("PUT", "/api/subscriptions/NO-SUCH/memo", "{\"memo\":\"一行目\\n二行目\"}").statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/mypage/members/%EF%BC%91%EF%BC%92/subscriptions",
            "/api/subscriptions?memberId=%EF%BC%91", "/api/subscriptions/tk-%EF%BC%90%EF%BC%90%EF%BC%91"})
    @DisplayName("full-width digits in path or query ids → 400")
    void fullWidthDigits(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic ZGVtbzpkZW1v").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(problem(response, 400).path("type").asText()).endsWith("/malformed-request");
    }

    @Test
    @DisplayName("a settings PUT that leaves out a required key → 400 naming it, and the settings stay as they were")
    void settingsMissingKey() throws Exception {
        HttpResponse<String> current = send("GET", "/api/subscription-settings", "");
        assertThat(current.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode)
                objectMapper.readTree(current.body());
        settings.remove("intervalMinDays");
        JsonNode body = problem(send("PUT", "/api/subscription-settings", settings.toString()), 400);
        assertThat(body.path("field").asText()).isEqualTo("intervalMinDays");
        ((com.fasterxml.jackson.databind.node.ObjectNode) settings.get("numbering")).remove("digits");
        settings.putNull("intervalMinDays");
        assertThat(problem(send("PUT", "/api/subscription-settings", settings.toString()), 400)
                .path("field").asText()).isEqualTo("numbering.digits");
        assertThat(send("GET", "/api/subscription-settings", "").body()).isEqualTo(current.body());
    }
}
