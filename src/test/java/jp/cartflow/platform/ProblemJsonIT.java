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
}
