package jp.cartflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Errors under /api are problem+json")
class ProblemJsonIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper objectMapper;

    @Test
    @DisplayName("an unknown /api path → 404 problem+json of type not-found, without a stack trace")
    void unknownPathIsNotFound() throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("demo", "demo")
                .getForEntity("/api/no-such-endpoint/42", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        JsonNode body = objectMapper.readTree(response.getBody());
        assertThat(body.path("type").asText()).isEqualTo("https://cartflow.jp/problems/not-found");
        assertThat(body.path("status").asInt()).isEqualTo(404);
        assertThat(body.has("trace")).isFalse();
        assertThat(response.getBody()).doesNotContain("Exception", "\tat ", "at org.", "at jp.");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} → {2} problem+json")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "GET    | /api/subscriptions/A%00B                  | 400",
            "GET    | /api/subscriptions/a%2fb                  | 400",
            "GET    | /api/subscriptions/%2e%2e/x               | 400",
            "GET    | /api/subscriptions/%2E%2E%2Fx             | 400",
            "GET    | /api/subscriptions;jsessionid=1           | 400",
            "GET    | /api/subscriptions/x;y=1                  | 400",
            "GET    | /api/subscriptions/%25                    | 400",
            "DELETE | /api/subscription-settings                | 405",
            "PATCH  | /api/subscriptions                        | 405",
    })
    @DisplayName("Tomcat, the firewall and Spring MVC refuse before any handler: still problem+json")
    void refusedBeforeAnyHandler(String method, String path, int status) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(rest.getRootUri() + path))
                        .header("Authorization", "Basic ZGVtbzpkZW1v")
                        .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode body = objectMapper.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).startsWith("https://cartflow.jp/problems/");
    }
}
