package jp.cartflow.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** INV-1 and INV-2 over REST, as TEMPOSTAR sends them: JSON and CSV batches, replays, bad input, the storefront read. */
class StockBatchIT extends PostgresIntegrationTest {

    private static final String PATH = "/api/inventory/tempostar/stock";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MailOutbox outbox;
    @Autowired GreenMail mailServer;
    @Autowired jp.cartflow.testsupport.MutableClock clock;
    ToolHttp http;
    String p;

    @BeforeEach
    void setUp() {
        http = new ToolHttp(port);
        p = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    }

    private void product(String code, int stock, boolean unlimited) {
        jdbc.sql("""
                INSERT INTO product (shop_id, product_code, name, price, stock, stock_unlimited)
                SELECT id, :code, 'テスト商品', 1000, :stock, :unlimited FROM shop WHERE code = 'demo'""")
                .param("code", code).param("stock", stock).param("unlimited", unlimited).update();
    }

    private int stock(String code) {
        return jdbc.sql("""
                SELECT stock FROM product WHERE product_code = :code
                UNION ALL SELECT stock FROM product_stock_code WHERE stock_code = :code""")
                .param("code", code).query(Integer.class).single();
    }

    private static String id() {
        return "b-" + UUID.randomUUID();
    }

    private ToolHttp.Answer postJson(String json) {
        return http.json("POST", PATH, "tempostar", "tempostar", json);
    }

    private ToolHttp.Answer postCsv(String batchId, byte[] csv, String contentType) {
        return http.send("POST", PATH + (batchId == null ? "" : "?batchId=" + batchId), "tempostar", "tempostar",
                contentType, csv);
    }

    private String lines(Object... codeQuantity) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < codeQuantity.length; i += 2) {
            lines.add("{\"code\":\"" + codeQuantity[i] + "\",\"quantity\":" + codeQuantity[i + 1] + "}");
        }
        return "[" + String.join(",", lines) + "]";
    }

    private String batch(String batchId, Object... codeQuantity) {
        return "{\"batchId\":\"" + batchId + "\",\"lines\":" + lines(codeQuantity) + "}";
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(n -> codes.add(n.path("code").asText()));
        return codes;
    }

    @Test
    @DisplayName("INV-1 a JSON batch sets stock by code: updated, unlimited skipped, unknown reported, variant codes, and a product kept per variant rejected")
    void json() {
        product(p + "A", 5, false);
        product(p + "B", 0, false);
        product(p + "UNL", 0, true);
        product(p + "SHIRT", 0, false);
        assertThat(http.admin("PUT", "/api/admin/shops/demo/products/" + p + "SHIRT/stock-codes/" + p + "SHIRT-M",
                "{\"name\":\"M サイズ\"}").status()).isEqualTo(204);
        http.admin("PUT", "/api/admin/shops/demo/products/" + p + "SHIRT/stock-codes/" + p + "SHIRT-L", "{\"name\":\"L\"}");

        ToolHttp.Answer answer = postJson(batch(id(), p + "A", 42, p + "B", 0, p + "UNL", 9, p + "NOPE", 3,
                p + "SHIRT-M", 7, p + "SHIRT", 10));

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.replay()).isEqualTo("false");
        JsonNode body = answer.json();
        assertThat(codes(body.path("updated"))).containsExactly(p + "A", p + "B", p + "SHIRT-M");
        assertThat(body.path("updated").get(0).path("previousQuantity").asInt()).isEqualTo(5);
        assertThat(body.path("updated").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(codes(body.path("skipped"))).containsExactly(p + "UNL");
        assertThat(body.path("skipped").get(0).path("reason").asText()).isEqualTo("UNLIMITED_STOCK");
        assertThat(codes(body.path("unknown"))).containsExactly(p + "NOPE");
        assertThat(codes(body.path("rejected"))).containsExactly(p + "SHIRT");
        assertThat(body.path("rejected").get(0).path("line").asInt()).isEqualTo(6);
        assertThat(stock(p + "A")).isEqualTo(42);
        assertThat(stock(p + "SHIRT-M")).isEqualTo(7);
        assertThat(stock(p + "SHIRT")).as("the product row of a variant product is untouched").isZero();

        // the storefront reads the same stock (one stock per code, whatever the price period)
        ToolHttp.Answer read = http.get("/api/inventory/stock?codes=" + p + "A," + p + "UNL," + p + "SHIRT-M," + p + "NOPE",
                "storefront", "storefront");
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        assertThat(read.json().path("items").toString()).contains("\"code\":\"" + p + "A\",\"stock\":42,\"unlimited\":false")
                .contains("\"code\":\"" + p + "UNL\",\"unlimited\":true")
                .contains("\"code\":\"" + p + "SHIRT-M\",\"stock\":7");
        assertThat(read.json().path("unknown").toString()).contains(p + "NOPE");
        http.get("/api/inventory/stock", "storefront", "storefront").problem(422, "codes");
        assertThat(http.get("/api/inventory/stock?codes=X", null, null).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("INV-1 CSV in UTF-8 (BOM, Japanese header) and in Shift_JIS (Windows-31J) set the same way")
    void csv() {
        product(p + "珈琲", 1, false);
        product(p + "C", 1, false);
        byte[] utf8 = ("\uFEFF商品コード,在庫数\r\n" + p + "C,11\r\n\"" + p + "珈琲\",12\r\n").getBytes(StandardCharsets.UTF_8);
        ToolHttp.Answer first = postCsv(id(), utf8, "text/csv");
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(stock(p + "C")).isEqualTo(11);
        assertThat(stock(p + "珈琲")).isEqualTo(12);
        assertThat(first.json().path("updated").get(1).path("line").asInt()).as("CSV lines count the header").isEqualTo(3);

        byte[] sjis = ("code,quantity\n" + p + "珈琲,13\n").getBytes(Charset.forName("windows-31j"));
        ToolHttp.Answer second = postCsv(id(), sjis, "text/csv; charset=Shift_JIS");
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(stock(p + "珈琲")).isEqualTo(13);
    }

    @Test
    @DisplayName("INV-1 a replayed batch id gets the first answer and changes nothing; the same id with other lines → 409")
    void replay() {
        product(p + "R", 1, false);
        String batchId = id();
        ToolHttp.Answer first = postJson(batch(batchId, p + "R", 20));
        jdbc.sql("UPDATE product SET stock = 15 WHERE product_code = :c").param("c", p + "R").update(); // an order meanwhile
        ToolHttp.Answer replay = postJson(batch(batchId, p + "R", 20));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.replay()).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(stock(p + "R")).as("a replay does not set the stock again").isEqualTo(15);
        // the same lines as CSV under the same id are the same batch
        assertThat(postCsv(batchId, ("code,quantity\n" + p + "R,20\n").getBytes(StandardCharsets.UTF_8), "text/csv")
                .replay()).isEqualTo("true");
        postJson(batch(batchId, p + "R", 21)).problem(409, "batchId");
        assertThat(stock(p + "R")).isEqualTo(15);
    }

    @Test
    @DisplayName("INV-1 bad lines refuse the whole batch with a 4xx problem naming line and field; nothing is applied")
    void badInput() {
        product(p + "OK", 3, false);
        String ok = p + "OK";
        assertBad(postJson(batch(id(), ok, 9, p + "X", -1)), 422, 2, "lines[1].quantity");
        assertBad(postJson(batch(id(), ok, 9, p + "X", 1.5)), 422, 2, "lines[1].quantity");
        assertBad(postJson(batch(id(), ok, 9, p + "X", "\"3\"")), 422, 2, "lines[1].quantity");
        assertBad(postJson(batch(id(), ok, 9, p + "X", 1_000_000)), 422, 2, "lines[1].quantity");
        assertBad(postJson(batch(id(), ok, 9, p + "X", "123456789012345678901234567890")), 422, 2, "lines[1].quantity");
        assertBad(postJson(batch(id(), ok, 9, ok, 8)), 422, 2, "lines[1].code");
        assertBad(postJson("{\"batchId\":\"" + id() + "\",\"lines\":[{\"code\":\"" + ok + "\",\"quantity\":9},{\"quantity\":1}]}"),
                422, 2, "lines[1].code");
        postJson("{\"batchId\":\"" + id() + "\",\"lines\":[]}").problem(400, "lines");
        postJson("{\"lines\":" + lines(ok, 9) + "}").problem(400, "batchId");
        postJson("{\"batchId\":\"has space\",\"lines\":" + lines(ok, 9) + "}").problem(400, "batchId");
        postJson("{\"batchId\":\"x\",\"lines\":").problem(400, "$");
        // CSV: wrong header, wrong encoding, bad quantity
        assertBad(postCsv(id(), ("sku,stock\n" + ok + ",9\n").getBytes(StandardCharsets.UTF_8), "text/csv"), 400, 1, "header");
        byte[] sjisAsUtf8 = ("code,quantity\n" + ok + ",9\n在庫,1\n").getBytes(Charset.forName("windows-31j"));
        assertBad(postCsv(id(), sjisAsUtf8, "text/csv; charset=UTF-8"), 400, 3, "encoding");
        assertBad(postCsv(id(), ("code,quantity\n" + ok + ",9\n" + p + "X,abc\n").getBytes(StandardCharsets.UTF_8),
                "text/csv"), 422, 3, "quantity");
        assertBad(postCsv(id(), ("code,quantity\n" + ok + ",9\n" + p + "X,1,2\n").getBytes(StandardCharsets.UTF_8),
                "text/csv"), 422, 3, "line");
        postCsv(null, ("code,quantity\n" + ok + ",9\n").getBytes(StandardCharsets.UTF_8), "text/csv").problem(400, "batchId");
        postCsv(id(), "code,quantity\n".getBytes(StandardCharsets.UTF_8), "text/csv").problem(400, "lines");
        // every error is listed, not only the first
        ToolHttp.Answer many = postJson(batch(id(), ok, 9, p + "X", -1, p + "Y", 2.5));
        assertThat(many.json().path("errors").size()).isEqualTo(2);
        assertThat(many.json().path("errors").get(1).path("line").asInt()).isEqualTo(3);
        assertThat(stock(ok)).as("nothing of a refused batch is applied").isEqualTo(3);
    }

    @Test
    @DisplayName("INV-1 a batch over the size limit → 413 problem naming the lines or the body")
    void tooLarge() {
        StringBuilder csv = new StringBuilder("code,quantity\n");
        for (int i = 0; i < 20_001; i++) {
            csv.append(p).append(i).append(",1\n");
        }
        ToolHttp.Answer lines = postCsv(id(), csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        lines.problem(413, "lines");
        assertThat(lines.json().path("line").asInt()).isEqualTo(20_001);
        byte[] huge = new byte[4 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        postCsv(id(), huge, "text/csv").problem(413, "body");
    }

    @Test
    @DisplayName("INV-2 a stock batch from a tool is not echoed back: no mail is queued or sent to any tool")
    void noEcho() throws Exception {
        product(p + "E", 1, false);
        outbox.dispatchDue(1000);
        mailServer.purgeEmailFromAllMailboxes();
        int before = jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single();
        assertThat(postJson(batch(id(), p + "E", 30)).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isEqualTo(before);
        outbox.dispatchDue(1000);
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("INV-2 SUB-9 a subscription's first order (checkout over REST) takes its quantity from the stock like a regular order")
    void firstOrderDecrements() {
        clock.set(java.time.ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, java.time.ZoneId.of("Asia/Tokyo")).toInstant());
        long yamada = jdbc.sql("SELECT id FROM member WHERE login_id = 'yamada'").query(Long.class).single();
        jdbc.sql("UPDATE product SET stock = 50 WHERE product_code = 'CF-COFFEE-200'").update();
        String checkout = "{\"memberId\":" + yamada + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":3}],"
                + "\"cycle\":{\"kind\":\"MONTHLY\",\"day\":25},\"firstDeliveryDate\":\"2026-11-25\",\"carrierCode\":\"yamato\","
                + "\"paymentMethod\":\"COD\",\"fees\":{\"shipping\":880,\"payment\":0,\"cool\":0}}";
        ToolHttp.Answer created = http.json("POST", "/api/subscriptions", "storefront", "storefront", checkout);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        ToolHttp.Answer read = http.get("/api/inventory/stock?codes=CF-COFFEE-200", "storefront", "storefront");
        assertThat(read.json().path("items").get(0).path("stock").asInt()).isEqualTo(47);
        http.json("POST", "/api/subscriptions/" + created.json().path("subscriptionNo").asText() + "/termination",
                "storefront", "storefront", null);
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    private void assertBad(ToolHttp.Answer answer, int status, int line, String field) {
        answer.problem(status, field);
        assertThat(answer.json().path("line").asInt()).as(answer.raw()).isEqualTo(line);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }
}
