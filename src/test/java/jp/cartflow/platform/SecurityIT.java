package jp.cartflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Security of /api, /engine-rest and the actuator")
class SecurityIT extends PostgresIntegrationTest {

    private static final String WRONG_PASSWORD_USER = "security-it-wrongpw";

    @Autowired TestRestTemplate rest;
    @Autowired IdentityService identityService;
    @Autowired ObjectMapper objectMapper;

    @AfterEach
    void removeTestUser() {
        if (identityService.createUserQuery().userId(WRONG_PASSWORD_USER).count() > 0) {
            identityService.deleteUser(WRONG_PASSWORD_USER);
        }
    }

    @ParameterizedTest(name = "GET {0} without credentials → 401 Basic challenge, problem+json")
    @ValueSource(strings = {"/api/demo/mailbox", "/api/mail-templates/SHIPPING_COMPLETE", "/engine-rest/task",
            "/engine-rest/engine", "/engine-rest/process-definition", "/v3/api-docs"})
    @DisplayName("anonymous requests are refused with 401, a Basic challenge and a problem+json body")
    void anonymousIsUnauthenticated(String path) throws Exception {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertProblem(response, "https://cartflow.jp/problems/unauthenticated");
    }

    @Test
    @DisplayName("GET /actuator/health is open: 200 without credentials")
    void healthIsOpen() throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(objectMapper.readTree(response.getBody()).path("status").asText()).isEqualTo("UP");
    }

    @ParameterizedTest(name = "tempostar GET {0} → 403")
    @ValueSource(strings = {"/engine-rest/task", "/api/mail-templates/SHIPPING_COMPLETE"})
    @DisplayName("an inventory tool (tempostar) gets 403 problem+json outside /api/inventory")
    void inventoryToolIsForbidden(String path) throws Exception {
        ResponseEntity<String> response = rest.withBasicAuth("tempostar", "tempostar").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(response, "https://cartflow.jp/problems/forbidden");
    }

    @Test
    @DisplayName("the administrator (demo) may use /engine-rest")
    void adminUsesEngineRest() {
        assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("an operator may use /engine-rest and /api")
    void operatorUsesEngineRestAndApi() {
        TestRestTemplate operator = rest.withBasicAuth("operator", "operator");
        assertThat(operator.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(operator.getForEntity("/api/demo/mailbox", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("a wrong password → 401 problem+json (a dedicated user: Camunda throttles its logins afterwards)")
    void wrongPasswordIsUnauthenticated() throws Exception {
        User user = identityService.newUser(WRONG_PASSWORD_USER);
        user.setPassword("right-password-1");
        user.setFirstName("Wrong");
        user.setLastName("Password");
        identityService.saveUser(user);
        identityService.createMembership(WRONG_PASSWORD_USER, "operators");

        ResponseEntity<String> wrong = rest.withBasicAuth(WRONG_PASSWORD_USER, "not-the-password")
                .getForEntity("/api/demo/mailbox", String.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertProblem(wrong, "https://cartflow.jp/problems/unauthenticated");
        ResponseEntity<String> wrongOnEngine = rest.withBasicAuth(WRONG_PASSWORD_USER, "not-the-password")
                .getForEntity("/engine-rest/task", String.class);
        assertThat(wrongOnEngine.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @DisplayName("an integration lists process definitions; users are out of its routes (403), the admin sees them")
    void engineAuthorizationsApplyToIntegrations() throws Exception {
        TestRestTemplate storefront = rest.withBasicAuth("storefront", "storefront");

        ResponseEntity<String> definitions = storefront.getForEntity("/engine-rest/process-definition", String.class);
        assertThat(definitions.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(keys(objectMapper.readTree(definitions.getBody()), "key")).contains("ShippingNotificationProcess");

        ResponseEntity<String> users = storefront.getForEntity("/engine-rest/user", String.class);
        assertThat(users.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertProblem(users, "https://cartflow.jp/problems/forbidden");
        // the same list as the administrator sees it
        ResponseEntity<String> asAdmin = rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/user", String.class);
        assertThat(keys(objectMapper.readTree(asAdmin.getBody()), "id")).contains("demo", "operator", "storefront");
    }

    private static List<String> keys(JsonNode array, String field) {
        assertThat(array.isArray()).as("a JSON array: %s", array).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }

    private void assertProblem(ResponseEntity<String> response, String type) throws Exception {
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        JsonNode body = objectMapper.readTree(response.getBody());
        assertThat(body.path("type").asText()).isEqualTo(type);
        assertThat(body.path("status").asInt()).isEqualTo(response.getStatusCode().value());
    }
}
