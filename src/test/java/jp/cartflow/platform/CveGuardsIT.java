package jp.cartflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestBeans;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Guards for the Camunda 7.24 CE CVEs without a community fix")
class CveGuardsIT extends PostgresIntegrationTest {

    static final String REFUSED = "https://cartflow.jp/problems/query-expression-refused";
    static final String PROBE = "${" + TestBeans.CVE_PROBE + ".touch()}";
    static final String OR_QUERY_PROBE = "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}";

    @Autowired TestRestTemplate rest;
    @Autowired ObjectMapper objectMapper;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired TestBeans.CveProbe probe;
    @LocalServerPort int port;

    @AfterEach
    void nothingWasEvaluated() {
        assertThat(probe.calls()).as("calls of ${cveProbe.touch()}: any call means an expression was evaluated")
                .isZero();
    }

    ResponseEntity<String> postJson(TestRestTemplate client, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return client.postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    void assertRefused(int status, String contentType, String body) throws IOException {
        assertThat(status).as("status; body: %s", body).isEqualTo(400);
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(objectMapper.readTree(body).path("type").asText()).isEqualTo(REFUSED);
        assertThat(probe.calls()).isZero();
    }

    void assertRefused(ResponseEntity<String> response) throws IOException {
        assertRefused(response.getStatusCode().value(), String.valueOf(response.getHeaders().getContentType()),
                response.getBody());
    }

    @Nested
    @DisplayName("CVE-2026-109432 (expressions in nested task queries) on /engine-rest")
    class QueryExpressionsOnEngineRest {

        TestRestTemplate demo() {
            return rest.withBasicAuth("demo", "demo");
        }

        @Test
        @DisplayName("a task query with an expression in orQueries → 400, nothing evaluated")
        void orQueriesExpression() throws IOException {
            assertRefused(postJson(demo(), "/engine-rest/task", OR_QUERY_PROBE));
        }

        @Test
        @DisplayName("the expression URL-encoded in a GET query parameter → 400")
        void urlEncodedParameter() throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base() + "/engine-rest/task?assigneeExpression=%24%7BcveProbe.touch()%7D"))
                    .header("Authorization", basic("demo", "demo")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertRefused(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        }

        @Test
        @DisplayName("the expression JSON-unicode-escaped (\\u0024{…}) in orQueries → 400")
        void jsonUnicodeEscaped() throws IOException {
            assertRefused(postJson(demo(), "/engine-rest/task",
                    "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{cveProbe.touch()}\"}]}"));
        }

        @Test
        @DisplayName("the task count endpoint with an expression in orQueries → 400")
        void countEndpoint() throws IOException {
            assertRefused(postJson(demo(), "/engine-rest/task/count", OR_QUERY_PROBE));
        }

        @Test
        @DisplayName("saving a filter whose query carries an expression in orQueries → 400, no filter created")
        void filterWithHarmfulExpressionIsNotSaved() throws IOException {
            long before = filterService.createFilterQuery().count();
            assertRefused(postJson(demo(), "/engine-rest/filter/create",
                    "{\"resourceType\":\"Task\",\"name\":\"cve probe\",\"query\":" + OR_QUERY_PROBE + "}"));
            assertThat(filterService.createFilterQuery().count()).isEqualTo(before);
        }

        @Test
        @DisplayName("a filter with Tasklist's own ${ currentUser() } is saved; extending it with an expression → 400")
        void harmlessFilterIsSavedButNotExtendable() throws IOException {
            long before = filterService.createFilterQuery().count();
            ResponseEntity<String> created = postJson(demo(), "/engine-rest/filter/create",
                    "{\"resourceType\":\"Task\",\"name\":\"my tasks\",\"query\":{\"assigneeExpression\":\"${ currentUser() }\"}}");
            assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.OK);
            String id = objectMapper.readTree(created.getBody()).path("id").asText();
            try {
                assertThat(filterService.createFilterQuery().count()).isEqualTo(before + 1);
                ResponseEntity<String> list = postJson(demo(), "/engine-rest/filter/" + id + "/list", "{}");
                assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
                assertRefused(postJson(demo(), "/engine-rest/filter/" + id + "/list", OR_QUERY_PROBE));
                assertRefused(postJson(demo(), "/engine-rest/filter/" + id + "/count", OR_QUERY_PROBE));
            } finally {
                filterService.deleteFilter(id);
            }
        }

        @Test
        @DisplayName("a normal task query → 200")
        void normalQueryPasses() {
            ResponseEntity<String> response = postJson(demo(), "/engine-rest/task",
                    "{\"processDefinitionKey\":\"ShippingNotificationProcess\"}");
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).startsWith("[");
        }
    }

    @Nested
    @DisplayName("CVE-2026-109432 on the webapps' engine API (/camunda/api/engine), logged in like a browser")
    class QueryExpressionsOnWebapps {

        @Test
        @DisplayName("a logged-in Tasklist session: expression in orQueries → 400 and nothing evaluated; a plain query → 200")
        void tasklistSession() throws Exception {
            Browser browser = new Browser();
            browser.loginToTasklist("demo", "demo");

            HttpResponse<String> refused = browser.postJson("/camunda/api/engine/engine/default/task", OR_QUERY_PROBE);
            assertRefused(refused.statusCode(), refused.headers().firstValue("Content-Type").orElse(""),
                    refused.body());

            HttpResponse<String> plain = browser.postJson("/camunda/api/engine/engine/default/task",
                    "{\"processDefinitionKey\":\"ShippingNotificationProcess\"}");
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
            assertThat(plain.body()).startsWith("[");
        }
    }

    @Nested
    @DisplayName("CVE-2026-77226 (anonymous admin creation through the Admin setup endpoint)")
    class AdminSetup {

        @Test
        @DisplayName("an anonymous POST /camunda/api/admin/setup/default/user/create with a valid XSRF token → 403, no user created")
        void setupIsClosed() throws Exception {
            long users = identityService.createUserQuery().count();
            Browser browser = new Browser();
            browser.open("/camunda/app/admin/");
            assertThat(browser.xsrfToken()).as("XSRF-TOKEN cookie").isPresent();

            HttpResponse<String> response = browser.postJson("/camunda/api/admin/setup/default/user/create",
                    "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@example.com\"},"
                            + "\"credentials\":{\"password\":\"intruder123\"}}");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
            assertThat(objectMapper.readTree(response.body()).path("type").asText())
                    .isEqualTo("https://cartflow.jp/problems/admin-setup-disabled");
            assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
            assertThat(identityService.createUserQuery().count()).isEqualTo(users);
        }
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A cookie-keeping client that speaks to the webapps the way the browser UI does (XSRF header). */
    class Browser {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> open(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
            return response;
        }

        Optional<String> xsrfToken() {
            return cookie("XSRF-TOKEN").map(HttpCookie::getValue);
        }

        Optional<HttpCookie> cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
        }

        void loginToTasklist(String user, String password) throws Exception {
            open("/camunda/app/tasklist/");
            assertThat(xsrfToken()).as("XSRF-TOKEN cookie after opening Tasklist").isPresent();
            String sessionBefore = cookie("JSESSIONID").map(HttpCookie::getValue).orElse("");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                            URI.create(base() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", xsrfToken().orElseThrow())
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
            assertThat(cookies.getCookieStore().getCookies()).as("cookies after login")
                    .anyMatch(c -> c.getName().equals("JSESSIONID"));
            JsonNode authentication = objectMapper.readTree(login.body());
            assertThat(authentication.path("userId").asText()).isEqualTo(user);
            // the login starts a new session (JSESSIONID rotated) whose XSRF token is not the old one; like the
            // UI, fetch the authentication with a GET, which hands out the new token (XSRF-TOKEN cookie)
            HttpResponse<String> authenticated = client.send(HttpRequest.newBuilder(
                            URI.create(base() + "/camunda/api/admin/auth/user/default")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(authenticated.statusCode()).isEqualTo(200);
            assertThat(cookie("JSESSIONID").map(HttpCookie::getValue)).as("a new session after login")
                    .isPresent().isNotEqualTo(Optional.of(sessionBefore));
        }

        HttpResponse<String> postJson(String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            xsrfToken().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
