package jp.cartflow.inventory;

import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** INV-1: the tools' own accounts over REST: admins manage them; 401, throttling and 403 as a tool vendor sees them. */
class ToolAccountsIT extends PostgresIntegrationTest {

    private static final String BATCH = "{\"batchId\":\"%s\",\"lines\":[{\"code\":\"NO-SUCH-CODE\",\"quantity\":1}]}";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    ToolHttp http;

    @BeforeEach
    void client() {
        http = new ToolHttp(port);
        // the OTHER tool starts unlinked in every test
        jdbc.sql("DELETE FROM inventory_tool_account WHERE tool_id IN (SELECT id FROM inventory_tool WHERE tool_code = 'OTHER')").update();
        jdbc.sql("DELETE FROM inventory_stock_batch WHERE tool_id IN (SELECT id FROM inventory_tool WHERE tool_code = 'OTHER')").update();
        jdbc.sql("DELETE FROM inventory_tool WHERE tool_code = 'OTHER'").update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String batch(String id) {
        return BATCH.formatted(id);
    }

    private ToolHttp.Answer post(String tool, String user, String password, String batchId) {
        return http.json("POST", "/api/inventory/" + tool + "/stock", user, password, batch(batchId));
    }

    private void linkOther() {
        assertThat(http.admin("PUT", "/api/admin/shops/demo/inventory-tools/other",
                "{\"name\":\"自社在庫\",\"intakeAddress\":\"stock@other-tool.example\"}").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INV-1 the demo TEMPOSTAR account (tempostar/tempostar) posts a batch to its own path")
    void demoAccount() {
        ToolHttp.Answer answer = post("tempostar", "tempostar", "tempostar", "acc-demo-" + System.nanoTime());
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.json().path("unknown").get(0).path("code").asText()).isEqualTo("NO-SUCH-CODE");
    }

    @Test
    @DisplayName("INV-1 the OpenAPI document describes the tool endpoint, its security scheme and the admin endpoints")
    void openApi() {
        ToolHttp.Answer docs = http.get("/v3/api-docs", "demo", "demo");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/inventory/{tool}/stock")).isTrue();
        assertThat(docs.json().path("paths").has("/api/inventory/stock")).isTrue();
        assertThat(docs.json().path("paths").has("/api/admin/shops/{shop}/inventory-tools/{tool}/forwarding")).isTrue();
        assertThat(docs.json().path("components").path("securitySchemes").path("toolAccount").path("scheme").asText())
                .isEqualTo("basic");
    }

    @Test
    @DisplayName("INV-1 wrong password and unknown user id get the same 401 problem; no credentials too")
    void wrongCredentials() {
        ToolHttp.Answer wrongPassword = post("tempostar", "tempostar", "not-it", "x1");
        ToolHttp.Answer unknownUser = post("tempostar", "nobody-" + System.nanoTime(), "tempostar", "x1");
        ToolHttp.Answer none = post("tempostar", null, null, "x1");
        for (ToolHttp.Answer a : new ToolHttp.Answer[] {wrongPassword, unknownUser, none}) {
            a.problem(401, null);
            assertThat(a.json().path("type").asText()).isEqualTo("https://cartflow.jp/problems/unauthenticated");
        }
        assertThat(wrongPassword.json().path("detail")).isEqualTo(unknownUser.json().path("detail"));
        // a cartflow user is not a tool account
        post("tempostar", "operator", "operator", "x1").problem(401, null);
    }

    @Test
    @DisplayName("INV-1 a tool's account on another tool's path → 403; a tool user on the storefront read → 403")
    void otherToolsPath() {
        ToolHttp.Answer answer = post("zaikorobot", "tempostar", "tempostar", "x2");
        answer.problem(403, null);
        assertThat(answer.json().path("type").asText()).isEqualTo("https://cartflow.jp/problems/forbidden");
        post("no-such-tool", "tempostar", "tempostar", "x2").problem(403, null);
        http.get("/api/inventory/stock?codes=CF-COFFEE-200", "tempostar", "tempostar").problem(403, null);
    }

    @Test
    @DisplayName("INV-1 admins create, rotate, disable and re-enable an account; only the hash is stored")
    void lifecycle() {
        linkOther();
        String base = "/api/admin/shops/demo/inventory-tools/other/account";
        ToolHttp.Answer created = http.admin("POST", base, "{\"userId\":\"own-tool-1\",\"password\":\"first-secret-123\"}");
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().path("account").path("userId").asText()).isEqualTo("own-tool-1");
        assertThat(created.raw()).doesNotContain("first-secret-123");
        String hash = jdbc.sql("SELECT secret_hash FROM inventory_tool_account WHERE user_id = 'own-tool-1'")
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("first-secret-123");
        assertThat(post("other", "own-tool-1", "first-secret-123", "l1").status()).isEqualTo(200);

        http.admin("POST", base, "{\"userId\":\"own-tool-2\",\"password\":\"first-secret-123\"}").problem(409, "userId");
        assertThat(http.admin("PUT", base + "/password", "{\"password\":\"second-secret-456\"}").status()).isEqualTo(200);
        post("other", "own-tool-1", "first-secret-123", "l2").problem(401, null);
        assertThat(post("other", "own-tool-1", "second-secret-456", "l2").status()).isEqualTo(200);

        ToolHttp.Answer disabled = http.admin("PUT", base + "/enabled", "{\"enabled\":false}");
        assertThat(disabled.json().path("account").path("enabled").asBoolean()).isFalse();
        post("other", "own-tool-1", "second-secret-456", "l3").problem(401, null);
        http.admin("PUT", base + "/enabled", "{\"enabled\":true}");
        assertThat(post("other", "own-tool-1", "second-secret-456", "l3").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("INV-1 bad input on the account endpoints → 4xx problem naming the field; nothing written")
    void badInput() {
        linkOther();
        String base = "/api/admin/shops/demo/inventory-tools/other/account";
        http.admin("POST", base, "{\"userId\":\"own-tool-3\",\"password\":\"short\"}").problem(422, "password");
        http.admin("POST", base, "{\"userId\":\"bad id with spaces\",\"password\":\"long-enough-secret\"}").problem(422, "userId");
        http.admin("POST", base, "{\"userId\":\"tempostar\",\"password\":\"long-enough-secret\"}").problem(409, "userId");
        http.admin("PUT", base + "/password", "{\"password\":\"long-enough-secret\"}").problem(404, "tool");
        http.admin("POST", "/api/admin/shops/demo/inventory-tools/nope/account",
                "{\"userId\":\"x\",\"password\":\"long-enough-secret\"}").problem(404, "tool");
        http.admin("POST", "/api/admin/shops/nope/inventory-tools/other/account",
                "{\"userId\":\"x\",\"password\":\"long-enough-secret\"}").problem(404, "shop");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM inventory_tool_account a JOIN inventory_tool t ON t.id = a.tool_id "
                + "WHERE t.tool_code = 'OTHER'").query(Integer.class).single()).isZero();
        // only admins manage accounts
        http.json("POST", base, "operator", "operator", "{\"userId\":\"own-tool-3\",\"password\":\"long-enough-secret\"}")
                .problem(403, null);
    }

    @Test
    @DisplayName("INV-1 five wrong passwords in a row → 429 with Retry-After, even with the right password; a minute later it works")
    void throttled() {
        linkOther();
        http.admin("POST", "/api/admin/shops/demo/inventory-tools/other/account",
                "{\"userId\":\"own-tool-throttle\",\"password\":\"the-right-secret\"}");
        Instant now = Instant.parse("2026-12-01T01:00:00Z");
        clock.set(now);
        for (int i = 0; i < 5; i++) {
            post("other", "own-tool-throttle", "guess-" + i, "t1").problem(401, null);
        }
        ToolHttp.Answer blocked = post("other", "own-tool-throttle", "the-right-secret", "t1");
        blocked.problem(429, null);
        assertThat(blocked.retryAfter()).isEqualTo("60");
        // an unknown user id is throttled the same way, so the answer does not tell whether it exists
        String unknown = "nobody-throttle-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            post("other", unknown, "guess-" + i, "t1").problem(401, null);
        }
        post("other", unknown, "guess", "t1").problem(429, null);

        clock.set(now.plusSeconds(61));
        assertThat(post("other", "own-tool-throttle", "the-right-secret", "t1").status()).isEqualTo(200);
    }
}
