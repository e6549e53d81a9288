package jp.cartflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.WebappBrowser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access matrix of docs/security.md, one dynamic test per cell: the table is parsed from the document,
 * so the document and the rules cannot drift apart.
 */
@DisplayName("Security matrix (docs/security.md): every group × route family")
class SecurityMatrixIT extends PostgresIntegrationTest {

    /** Column order of the table; each group's demo user (password = user id), anonymous = no credentials. */
    static final List<String> GROUPS = List.of("anonymous", "operators", "integrations", "inventory-tools", "camunda-admin");
    static final Map<String, String> USERS = Map.of("operators", "operator", "integrations", "storefront",
            "inventory-tools", "tempostar", "camunda-admin", "demo");
    static final Set<Integer> REFUSED = Set.of(401, 403);

    @Autowired ObjectMapper objectMapper;
    @LocalServerPort int port;
    @Value("${cartflow.payment.simulator.caller-key}") String simulatorKey;

    final HttpClient http = HttpClient.newHttpClient();

    record Cell(String family, String request, String group, boolean allowed) {
    }

    static List<Cell> matrix() throws Exception {
        String doc = Files.readString(Path.of("docs/security.md"));
        String table = doc.substring(doc.indexOf("<!-- matrix:start -->"), doc.indexOf("<!-- matrix:end -->"));
        List<Cell> cells = new ArrayList<>();
        for (String line : table.lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| Route family")) {
                continue;
            }
            String[] columns = line.split("\\|");
            // columns[0] is empty (leading pipe)
            String family = columns[1].strip();
            String request = columns[2].strip().replace("`", "");
            for (int g = 0; g < GROUPS.size(); g++) {
                String mark = columns[3 + g].strip();
                assertThat(mark).as("cell %s / %s", family, GROUPS.get(g)).matches("[✔✘].*");
                cells.add(new Cell(family, request, GROUPS.get(g), mark.startsWith("✔")));
            }
        }
        return cells;
    }

    @Test
    @DisplayName("the matrix covers every route family with all five columns")
    void matrixIsComplete() throws Exception {
        List<Cell> cells = matrix();
        assertThat(cells).hasSizeGreaterThanOrEqualTo(34 * GROUPS.size());
        assertThat(cells.size() % GROUPS.size()).isZero();
    }

    @TestFactory
    @DisplayName("one test per cell")
    Stream<DynamicTest> everyCell() throws Exception {
        return matrix().stream().map(cell -> DynamicTest.dynamicTest(
                cell.family() + " · " + cell.group() + " → " + (cell.allowed() ? "allowed" : "refused"),
                () -> check(cell)));
    }

    void check(Cell cell) throws Exception {
        int status = send(cell);
        if (cell.allowed()) {
            assertThat(status).as("%s as %s: allowed, got %d", cell.request(), cell.group(), status)
                    .isNotIn(REFUSED);
            if (cell.request().contains(" /api/")) {
                assertThat(status).as("%s: never a 5xx on /api", cell.request()).isLessThan(500);
            }
        } else {
            assertThat(status).as("%s as %s: refused", cell.request(), cell.group()).isIn(REFUSED);
            if (cell.group().equals("anonymous")) {
                assertThat(status).isEqualTo(401);
            }
        }
    }

    int send(Cell cell) throws Exception {
        String user = USERS.get(cell.group());
        String request = cell.request();
        if (request.startsWith("LOGIN ")) {
            WebappBrowser browser = new WebappBrowser(port);
            return user == null ? browser.login(request.substring(6), "no-such-user", "x")
                    : browser.login(request.substring(6), user, user);
        }
        if (request.startsWith("SESSION ")) {
            WebappBrowser browser = new WebappBrowser(port);
            if (user != null) {
                browser.login("welcome", user, user);
            }
            return browser.get(request.substring("SESSION GET ".length())).statusCode();
        }
        String method = request.substring(0, request.indexOf(' '));
        String path = request.substring(request.indexOf(' ') + 1);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, application/problem+json, text/html")
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body(path)));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** A body each endpoint refuses as bad input (or a harmless one), so an allowed call changes nothing. */
    static String body(String path) {
        if (path.endsWith("/message")) {
            return "{\"messageName\":\"NoSuchMessage\"}";
        }
        if (path.endsWith("/retries")) {
            return "{\"retries\":1}";
        }
        if (path.endsWith("/duedate")) {
            return "{\"duedate\":\"2030-01-01T00:00:00.000+0900\"}";
        }
        if (path.endsWith("/modification")) {
            return "{\"instructions\":[]}";
        }
        if (path.endsWith("/status")) {
            return "{\"status\":\"AUTH\"}";
        }
        return "{}";
    }

    @Test
    @DisplayName("the simulator answers the application's own adapters (their key) and refuses a wrong key")
    void simulatorCallerKey() throws Exception {
        assertThat(simulatorKey).hasSizeGreaterThanOrEqualTo(32);
        assertThat(simulator(simulatorKey)).isEqualTo(200);
        assertThat(simulator("not-the-key")).isEqualTo(401);
        assertThat(simulator(simulatorKey.substring(1))).isEqualTo(401);
    }

    int simulator(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulator/zeus/status/NONE"))
                .header("X-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @DisplayName("a refused webapp login leaves no webapp session: tempostar cannot query tasks afterwards")
    void refusedLoginGivesNoSession() throws Exception {
        WebappBrowser browser = new WebappBrowser(port);
        assertThat(browser.login("welcome", "tempostar", "tempostar")).isEqualTo(403);
        assertThat(browser.postJson("/camunda/api/engine/engine/default/task", "{}").statusCode()).isEqualTo(401);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
    }
}
