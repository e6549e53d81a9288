package jp.cartflow.bench;

import jp.cartflow.CartflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * INV-1: a 10,000-line stock batch from a tool (docs/performance.md, "Stock batches"). Not a test: run with
 * {@code mvn -Pbench verify -Dit.test=StockBatchBenchmark}. On one PostgreSQL database, in one run, it times
 * <b>cartflow</b> (the whole request: HTTP, Basic login against the tool account, JSON or CSV reading and checks,
 * code lookup, the update, the stored answer) against <b>jdbc</b> (the floor: one plain JDBC batch
 * {@code UPDATE product SET stock = ? WHERE shop_id = ? AND product_code = ?} of the same rows, one commit).
 * Rounds alternate, each with new quantities; the medians are reported.
 */
class StockBatchBenchmark {

    private final int lines = Integer.getInteger("bench.stockLines", 10_000);
    private final int rounds = Integer.getInteger("bench.stockRounds", 7);
    private final int warmup = Integer.getInteger("bench.stockWarmup", 5);

    @Test
    void run() throws Exception {
        String[] args = BenchApplications.onFreshPostgres(Map.of("camunda.bpm.job-execution.enabled", false));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CartflowApplication.class)
                .profiles("demo", "bench").web(WebApplicationType.SERVLET).run(args)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            DataSource dataSource = app.getBean(DataSource.class);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            long shopId = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
            seed(dataSource, shopId);
            HttpClient http = HttpClient.newHttpClient();

            for (int i = 0; i < warmup; i++) {
                cartflowJson(http, port, "warm-json-" + i, i);
                cartflowCsv(http, port, "warm-csv-" + i, i);
                floor(dataSource, shopId, i);
            }
            List<Long> json = new ArrayList<>();
            List<Long> csv = new ArrayList<>();
            List<Long> floor = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                json.add(cartflowJson(http, port, "json-" + r, 100 + r));
                floor.add(floor(dataSource, shopId, 200 + r));
                csv.add(cartflowCsv(http, port, "csv-" + r, 300 + r));
            }
            check(jdbc, shopId, 300 + rounds - 1);
            report(median(json), median(csv), median(floor));
        }
    }

    private void seed(DataSource dataSource, long shopId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO product (shop_id, product_code, name, price, stock) VALUES (?, ?, ?, 1000, 0)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < lines; i++) {
                insert.setLong(1, shopId);
                insert.setString(2, code(i));
                insert.setString(3, "ベンチ商品 " + i);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("ANALYZE product");
        }
    }

    private static String code(int i) {
        return String.format(Locale.ROOT, "BENCH-%05d", i);
    }

    private static int quantity(int i, int round) {
        return (i * 7 + round) % 1000;
    }

    private long cartflowJson(HttpClient http, int port, String batchId, int round) throws Exception {
        StringBuilder body = new StringBuilder(lines * 40).append("{\"batchId\":\"").append(batchId).append("\",\"lines\":[");
        for (int i = 0; i < lines; i++) {
            body.append(i == 0 ? "" : ",").append("{\"code\":\"").append(code(i)).append("\",\"quantity\":")
                    .append(quantity(i, round)).append('}');
        }
        body.append("]}");
        return post(http, port, "", "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private long cartflowCsv(HttpClient http, int port, String batchId, int round) throws Exception {
        StringBuilder body = new StringBuilder(lines * 20).append("商品コード,在庫数\r\n");
        for (int i = 0; i < lines; i++) {
            body.append(code(i)).append(',').append(quantity(i, round)).append("\r\n");
        }
        return post(http, port, "?batchId=" + batchId, "text/csv; charset=Shift_JIS",
                body.toString().getBytes(Charset.forName("windows-31j")));
    }

    private long post(HttpClient http, int port, String query, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/inventory/tempostar/stock" + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tempostar:tempostar".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long elapsed = System.nanoTime() - t0;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stock batch answered " + response.statusCode() + ": " + response.body());
        }
        return elapsed;
    }

    private long floor(DataSource dataSource, long shopId, int round) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "UPDATE product SET stock = ? WHERE shop_id = ? AND product_code = ?")) {
            c.setAutoCommit(false);
            for (int i = 0; i < lines; i++) {
                update.setInt(1, quantity(i, round));
                update.setLong(2, shopId);
                update.setString(3, code(i));
                update.addBatch();
            }
            update.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
        return System.nanoTime() - t0;
    }

    private void check(JdbcClient jdbc, long shopId, int round) {
        int wrong = jdbc.sql("SELECT COUNT(*) FROM product WHERE shop_id = :shop AND product_code LIKE 'BENCH-%' "
                        + "AND stock <> MOD(CAST(SUBSTRING(product_code, 7) AS INTEGER) * 7 + :round, 1000)")
                .param("shop", shopId).param("round", round).query(Integer.class).single();
        if (wrong != 0) {
            throw new IllegalStateException(wrong + " products do not have the stock of the last batch");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private void report(long json, long csv, long floor) throws Exception {
        double jsonMs = json / 1e6;
        double csvMs = csv / 1e6;
        double floorMs = floor / 1e6;
        String table = String.format(Locale.ROOT, """

                stock batch of %d lines, median of %d rounds (after %d warm-up rounds), PostgreSQL
                | scenario                         | wall ms | lines/s | vs floor | target |
                |----------------------------------|--------:|--------:|---------:|--------|
                | cartflow JSON (HTTP, login, all) | %7.0f | %7.0f | %8.2f | ≤ 2000 ms, ≥ 0.5×: %s |
                | cartflow CSV Shift_JIS           | %7.0f | %7.0f | %8.2f | ≤ 2000 ms, ≥ 0.5×: %s |
                | jdbc floor (batch UPDATE)        | %7.0f | %7.0f | %8.2f | |
                """, lines, rounds, warmup,
                jsonMs, lines / (jsonMs / 1000), floorMs / jsonMs, met(jsonMs, floorMs),
                csvMs, lines / (csvMs / 1000), floorMs / csvMs, met(csvMs, floorMs),
                floorMs, lines / (floorMs / 1000), 1.0);
        System.out.println(table);
        File dir = new File(System.getProperty("bench.out", "target/bench"));
        dir.mkdirs();
        Files.writeString(new File(dir, "stock-batch.md").toPath(), table);
        BenchSummary.row(String.format(Locale.ROOT, "stock batch, %,d lines (INV-1)", lines), "-Dit.test=StockBatchBenchmark",
                String.format(Locale.ROOT, "JDBC batch UPDATE %.0f ms", floorMs),
                String.format(Locale.ROOT, "JSON %.0f ms, CSV %.0f ms", jsonMs, csvMs),
                String.format(Locale.ROOT, "%.2f× / %.2f×", floorMs / jsonMs, floorMs / csvMs), "≤ 2,000 ms, ≥ 0.5×",
                met(jsonMs, floorMs).equals("met") && met(csvMs, floorMs).equals("met"));
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("json.wallMs", Math.round(jsonMs));
        figures.put("csv.wallMs", Math.round(csvMs));
        figures.put("floor.wallMs", Math.round(floorMs));
        BenchCompare.writeAndCompare("stock", figures, table);
        BenchSummary.print();
    }

    private static String met(double ms, double floorMs) {
        return ms <= 2000 && floorMs / ms >= 0.5 ? "met" : "NOT met";
    }
}
