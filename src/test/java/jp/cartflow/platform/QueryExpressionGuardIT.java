package jp.cartflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestBeans;
import jp.cartflow.testsupport.WebappBrowser;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CVE-2026-109432: no task-query expression is ever evaluated, whatever the transport, encoding or
 * nesting. Each refused request is paired with a harmless one over the same transport and encoding
 * that the engine answers (200), so a refusal cannot be a mere parse error; the probe bean counts
 * every call an evaluated expression would make.
 */
@DisplayName("CVE-2026-109432 guard inside the engine")
class QueryExpressionGuardIT extends PostgresIntegrationTest {

    static final String GUARD = "CVE-2026-109432 guard";
    static final String PROBE = "${" + TestBeans.CVE_PROBE + ".touch()}";
    static final String HASH_PROBE = "#{" + TestBeans.CVE_PROBE + ".touch()}";

    /** The expression fields of the REST task query (all twenty of TaskQueryDto). */
    static final List<String> EXPRESSION_FIELDS = List.of(
            "assigneeExpression", "assigneeLikeExpression", "ownerExpression", "candidateUserExpression",
            "involvedUserExpression", "candidateGroupExpression", "candidateGroupsExpression",
            "processInstanceBusinessKeyExpression", "processInstanceBusinessKeyLikeExpression",
            "createdOnExpression", "createdBeforeExpression", "createdAfterExpression", "updatedAfterExpression",
            "dueDateExpression", "dueBeforeExpression", "dueAfterExpression", "followUpDateExpression",
            "followUpBeforeExpression", "followUpBeforeOrNotExistentExpression", "followUpAfterExpression");

    static final String HARMLESS = "{\"orQueries\":[{\"assignee\":\"nobody\"},{\"candidateGroup\":\"operators\"}]}";
    static final String OR_PROBE = "{\"orQueries\":[{\"assignee\":\"nobody\"},{\"assigneeExpression\":\"" + PROBE + "\"}]}";

    @Autowired ObjectMapper objectMapper;
    @Autowired TaskService taskService;
    @Autowired FilterService filterService;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired JdbcClient jdbc;
    @Autowired TestBeans.CveProbe probe;
    @LocalServerPort int port;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void nothingWasEvaluated() {
        assertThat(probe.calls()).as("calls of ${cveProbe.touch()}: any call means an expression was evaluated")
                .isZero();
    }

    @Test
    @DisplayName("the probe counts: an expression evaluated by the engine's expression manager reaches it")
    void probeIsReachable() {
        engineConfiguration.getCommandExecutorTxRequired().execute(context ->
                engineConfiguration.getExpressionManager().createExpression(PROBE).getValue(null));
        assertThat(probe.calls()).isEqualTo(1);
        probe.reset();
    }

    // --- encodings ---------------------------------------------------------------------------------

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("UTF-8", "application/json", StandardCharsets.UTF_8, new byte[0]),
                Arguments.of("UTF-8 with BOM", "application/json", StandardCharsets.UTF_8,
                        new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
                Arguments.of("UTF-16LE", "application/json", StandardCharsets.UTF_16LE, new byte[0]),
                Arguments.of("UTF-16BE", "application/json", StandardCharsets.UTF_16BE, new byte[0]),
                Arguments.of("UTF-16LE with BOM", "application/json", StandardCharsets.UTF_16LE,
                        new byte[]{(byte) 0xFF, (byte) 0xFE}),
                Arguments.of("UTF-16BE with BOM", "application/json", StandardCharsets.UTF_16BE,
                        new byte[]{(byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-32BE", "application/json", Charset.forName("UTF-32BE"), new byte[0]),
                Arguments.of("UTF-32LE", "application/json", Charset.forName("UTF-32LE"), new byte[0]),
                Arguments.of("UTF-32BE with BOM", "application/json", Charset.forName("UTF-32BE"),
                        new byte[]{0, 0, (byte) 0xFE, (byte) 0xFF}),
                Arguments.of("UTF-16LE, charset parameter", "application/json;charset=UTF-16LE",
                        StandardCharsets.UTF_16LE, new byte[0]),
                Arguments.of("UTF-16BE, charset parameter", "application/json; charset=utf-16be",
                        StandardCharsets.UTF_16BE, new byte[0]),
                Arguments.of("UTF-16LE, misleading charset=UTF-8", "application/json;charset=UTF-8",
                        StandardCharsets.UTF_16LE, new byte[0]));
    }

    static Stream<Arguments> encodingsOnPaths() {
        return Stream.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/engine/default/task")
                .flatMap(path -> encodings().map(e -> Arguments.of(path, e.get()[0], e.get()[1], e.get()[2], e.get()[3])));
    }

    @ParameterizedTest(name = "{0} in {1}: expression in an or-query → 400; harmless → 200")
    @MethodSource("encodingsOnPaths")
    @DisplayName("task queries in every encoding on every engine-rest task path")
    void encodings(String path, String name, String contentType, Charset charset, byte[] bom) throws Exception {
        HttpResponse<String> harmless = post("demo", path, contentType, encode(HARMLESS, charset, bom));
        assertThat(harmless.statusCode()).as("harmless %s: %s", name, harmless.body()).isEqualTo(200);
        assertRefused(post("demo", path, contentType, encode(OR_PROBE, charset, bom)));
    }

    // --- spellings and nesting ----------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"orQueries\":[{\"assigneeExpression\":\"#{cveProbe.touch()}\"}]}",
            "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{cveProbe.touch()}\"}]}",
            "{\"orQueries\":[{\"assigneeExpression\":\"\\u0023\\u007bcveProbe.touch()}\"}]}",
            "{\"orQueries\":[{\"name\":\"x\"},{\"name\":\"y\"},{\"ownerExpression\":\"${cveProbe.touch()}\"}]}",
            "{\"assigneeExpression\":\"${cveProbe.touch()}\"}",
            "{\"candidateGroupsExpression\":\"${cveProbe.touch()}\",\"orQueries\":[{\"assignee\":\"a\"}]}",
    })
    @DisplayName("$ and # expressions, JSON-escaped spellings, top level and any or-query → 400")
    void spellings(String json) throws Exception {
        assertRefused(post("demo", "/engine-rest/task", "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("or-queries nested inside or-queries with an expression → 400, nothing evaluated")
    void nestedOrQueries() throws Exception {
        String nested = "{\"orQueries\":[{\"orQueries\":[{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}]}]}";
        HttpResponse<String> response = post("demo", "/engine-rest/task", "application/json",
                nested.getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        // and through the Java API, where an or-query's own or-query list is reachable
        TaskQueryImpl top = (TaskQueryImpl) taskService.createTaskQuery();
        TaskQueryImpl inner = new TaskQueryImpl();
        inner.taskAssigneeExpression(PROBE);
        top.or().taskName("x").endOr();
        top.getQueries().get(1).getQueries().add(inner);
        assertGuardThrows(top::list);
    }

    @ParameterizedTest(name = "{0} in an or-query → 400")
    @MethodSource("expressionFields")
    @DisplayName("every expression field of the task query, inside an or-query, in UTF-16LE")
    void everyFieldInOrQuery(String field) throws Exception {
        String json = "{\"orQueries\":[{\"" + field + "\":\"" + PROBE + "\"}]}";
        assertRefused(post("operator", "/engine-rest/task", "application/json",
                json.getBytes(StandardCharsets.UTF_16LE)));
        assertRefused(post("demo", "/engine-rest/task/count", "application/json",
                json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "GET /engine-rest/task?{0}=… → 400")
    @MethodSource("expressionFields")
    @DisplayName("every expression field as a GET parameter (URL-encoded)")
    void everyFieldAsGetParameter(String field) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task?"
                        + field + "=" + URLEncoder.encode(PROBE, StandardCharsets.UTF_8)))
                .header("Authorization", basic("demo")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(response);
    }

    static Stream<String> expressionFields() {
        return EXPRESSION_FIELDS.stream();
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = {"demo", "operator", "storefront"})
    @DisplayName("every group allowed on /engine-rest is refused alike")
    void everyGroup(String user) throws Exception {
        assertRefused(post(user, "/engine-rest/task", "application/json", encode(OR_PROBE, StandardCharsets.UTF_16BE, new byte[0])));
    }

    @Test
    @DisplayName("the Java API: an or-query with an expression → BadUserRequestException; count too")
    void javaApi() {
        assertGuardThrows(() -> taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).endOr().list());
        assertGuardThrows(() -> taskService.createTaskQuery().or().taskName("a").endOr()
                .or().dueAfterExpression(HASH_PROBE).endOr().count());
        assertThat(taskService.createTaskQuery().or().taskName("a").taskAssignee("b").endOr().count()).isNotNegative();
    }

    // --- filters -------------------------------------------------------------------------------------

    @Nested
    @DisplayName("filters: create, update, execute and count")
    class Filters {

        @Test
        @DisplayName("creating a filter with an expression (top level, or-query, UTF-16) → 400, nothing saved")
        void create() throws Exception {
            long before = filterService.createFilterQuery().count();
            for (String query : List.of(OR_PROBE, "{\"assigneeExpression\":\"${ currentUser() }\"}")) {
                String json = "{\"resourceType\":\"Task\",\"name\":\"probe\",\"query\":" + query + "}";
                assertRefused(post("demo", "/engine-rest/filter/create", "application/json",
                        json.getBytes(StandardCharsets.UTF_16LE)));
            }
            assertThat(filterService.createFilterQuery().count()).isEqualTo(before);
            Filter filter = filterService.newTaskFilter("probe");
            filter.setQuery(taskService.createTaskQuery().or().taskOwnerExpression(PROBE).endOr());
            assertGuardThrows(() -> filterService.saveFilter(filter));
            assertThat(filterService.createFilterQuery().count()).isEqualTo(before);
        }

        @Test
        @DisplayName("updating a harmless filter to carry an expression → 400, the stored query stays as it was")
        void update() throws Exception {
            Filter filter = harmlessFilter();
            try {
                String stored = storedQuery(filter.getId());
                String json = "{\"resourceType\":\"Task\",\"name\":\"harmless\",\"query\":" + OR_PROBE + "}";
                assertRefused(send("PUT", "demo", "/engine-rest/filter/" + filter.getId(), "application/json",
                        json.getBytes(StandardCharsets.UTF_16BE)));
                assertThat(storedQuery(filter.getId())).isEqualTo(stored);
            } finally {
                filterService.deleteFilter(filter.getId());
            }
        }

        @Test
        @DisplayName("a filter stored before the guard (expression in an or-query) is refused on every execution path")
        void executeStoredBeforeTheGuard() throws Exception {
            String id = storeFilterBehindTheEnginesBack();
            try {
                for (String suffix : List.of("/count", "/list")) {
                    assertRefused(get("operator", "/engine-rest/filter/" + id + suffix));
                    assertRefused(post("operator", "/engine-rest/filter/" + id + suffix,
                            "application/json;charset=UTF-16LE", "{}".getBytes(StandardCharsets.UTF_16LE)));
                }
                // the REST resource replaces the engine's message on singleResult by its own, still a 400
                HttpResponse<String> single = get("operator", "/engine-rest/filter/" + id + "/singleResult");
                assertThat(single.statusCode()).as(single.body()).isEqualTo(400);
                assertGuardThrows(() -> filterService.count(id));
                assertGuardThrows(() -> filterService.list(id));
                assertGuardThrows(() -> filterService.listPage(id, 0, 10));
                assertGuardThrows(() -> filterService.singleResult(id));

                WebappBrowser browser = new WebappBrowser(port);
                assertThat(browser.login("tasklist", "operator", "operator")).isEqualTo(200);
                assertRefused(browser.send("GET", "/camunda/api/engine/engine/default/filter/" + id + "/count",
                        "application/json", new byte[0]));
            } finally {
                filterService.deleteFilter(id);
            }
        }

        @Test
        @DisplayName("executing a harmless filter extended by an expression (JSON in UTF-16, Java API) → 400")
        void extendingQuery() throws Exception {
            Filter filter = harmlessFilter();
            try {
                String id = filter.getId();
                HttpResponse<String> harmless = post("operator", "/engine-rest/filter/" + id + "/count",
                        "application/json;charset=UTF-16LE", encode(HARMLESS, StandardCharsets.UTF_16LE, new byte[0]));
                assertThat(harmless.statusCode()).as(harmless.body()).isEqualTo(200);
                assertRefused(post("operator", "/engine-rest/filter/" + id + "/count",
                        "application/json;charset=UTF-16LE", encode(OR_PROBE, StandardCharsets.UTF_16LE, new byte[0])));
                assertRefused(post("operator", "/engine-rest/filter/" + id + "/list", "application/json;charset=UTF-16BE",
                        encode(OR_PROBE, StandardCharsets.UTF_16BE, new byte[0])));
                // without a charset parameter the filter resource cannot read UTF-16 at all: 400 all the same
                HttpResponse<String> unreadable = post("operator", "/engine-rest/filter/" + id + "/list",
                        "application/json", encode(OR_PROBE, StandardCharsets.UTF_16BE, new byte[0]));
                assertThat(unreadable.statusCode()).as(unreadable.body()).isEqualTo(400);
                TaskQuery extension = taskService.createTaskQuery().or().taskCandidateUserExpression(PROBE).endOr();
                assertGuardThrows(() -> filterService.count(id, extension));
                assertGuardThrows(() -> filterService.list(id, extension));
            } finally {
                filterService.deleteFilter(filter.getId());
            }
        }
    }

    // --- webapps -------------------------------------------------------------------------------------

    @Test
    @DisplayName("the webapps' engine API, logged in to Tasklist: UTF-8, UTF-16 and the count path → 400; harmless → 200")
    void webappsEngineApi() throws Exception {
        WebappBrowser browser = new WebappBrowser(port);
        assertThat(browser.login("tasklist", "operator", "operator")).isEqualTo(200);
        String path = "/camunda/api/engine/engine/default/task";
        HttpResponse<String> harmless = browser.send("POST", path, "application/json",
                encode(HARMLESS, StandardCharsets.UTF_16LE, new byte[0]));
        assertThat(harmless.statusCode()).as(harmless.body()).isEqualTo(200);
        assertRefused(browser.send("POST", path, "application/json", OR_PROBE.getBytes(StandardCharsets.UTF_8)));
        assertRefused(browser.send("POST", path, "application/json;charset=UTF-16LE",
                encode(OR_PROBE, StandardCharsets.UTF_16LE, new byte[0])));
        assertRefused(browser.send("POST", path + "/count", "application/json",
                encode(OR_PROBE, StandardCharsets.UTF_16BE, new byte[]{(byte) 0xFE, (byte) 0xFF})));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    String storeFilterBehindTheEnginesBack() {
        TaskQueryImpl query = new TaskQueryImpl();
        query.or().taskName("x").endOr();
        TaskQueryImpl orQuery = query.getQueries().get(1);
        orQuery.taskAssigneeExpression(PROBE);
        @SuppressWarnings("unchecked")
        String json = ((org.camunda.bpm.engine.impl.json.JsonObjectConverter<Object>) FilterEntity.queryConverter
                .get("Task")).toJsonObject(query).toString();
        assertThat(json).contains("cveProbe");
        String id = "pre-guard-" + UUID.randomUUID();
        jdbc.sql("INSERT INTO act_ru_filter (id_, rev_, resource_type_, name_, owner_, query_, properties_)"
                        + " VALUES (:id, 1, 'Task', 'stored before the guard', NULL, :query, NULL)")
                .param("id", id).param("query", json).update();
        return id;
    }

    Filter harmlessFilter() {
        return filterService.saveFilter(filterService.newTaskFilter("harmless")
                .setQuery(taskService.createTaskQuery().taskCandidateGroup("operators")));
    }

    String storedQuery(String id) {
        return jdbc.sql("SELECT query_ FROM act_ru_filter WHERE id_ = :id").param("id", id).query(String.class).single();
    }

    void assertGuardThrows(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(BadUserRequestException.class).hasMessageContaining(GUARD);
        assertThat(probe.calls()).isZero();
    }

    void assertRefused(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as("status; body: %s", response.body()).isEqualTo(400);
        assertThat(objectMapper.readTree(response.body()).path("message").asText()).contains(GUARD);
        assertThat(probe.calls()).isZero();
    }

    static byte[] encode(String json, Charset charset, byte[] bom) {
        ByteBuffer encoded = charset.encode(json);
        byte[] bytes = new byte[bom.length + encoded.remaining()];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        encoded.get(bytes, bom.length, encoded.remaining());
        return bytes;
    }

    HttpResponse<String> post(String user, String path, String contentType, byte[] body) throws Exception {
        return send("POST", user, path, contentType, body);
    }

    HttpResponse<String> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String user, String path, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", basic(user))
                        .header("Content-Type", contentType).header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String base() {
        return "http://localhost:" + port;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
