package jp.cartflow.bench;

import jp.cartflow.CartflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Subscription checkout and my-page reads under concurrent clients (docs/performance.md, "Checkout and my-page
 * under load"). Not a test: run with {@code mvn -Pbench verify -Dit.test=CheckoutLoadBenchmark}.
 * <p>
 * The whole application (demo data, job executor on, as in production) on a fresh PostgreSQL; the driver is the
 * JDK's own {@link HttpClient} over HTTP/1.1 with keep-alive, one platform thread per client, each sending its next
 * request as soon as the previous answer is read (closed loop), until the fixed count of the level is reached.
 * Three paths, each at 1, 10 and 50 clients:
 * <ul>
 *   <li><b>floor</b>: {@code GET /api/bench/ping}, registered only in this benchmark's application, answering
 *       "ok" — Tomcat, Spring Security's Basic check against the engine's users, the MVC dispatch, nothing else;</li>
 *   <li><b>checkout</b>: {@code POST /api/subscriptions}, a COD subscription (first order, subscription, process
 *       instance, thanks mail in the outbox — one transaction), each client as its own member;</li>
 *   <li><b>mypage</b>: {@code GET /api/mypage/members/{id}/subscriptions} of a member with one subscription.</li>
 * </ul>
 * Prints a table, writes {@code target/bench/load-<time>.json} and compares it with {@code docs/bench/load.json}
 * ({@link BenchCompare}).
 */
class CheckoutLoadBenchmark {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final int requests = Integer.getInteger("bench.loadRequests", 1000);
    private final int warmup = Integer.getInteger("bench.loadWarmup", 300);
    private final List<Integer> levels = Arrays.stream(System.getProperty("bench.loadClients", "1,10,50").split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    private final boolean sqlTrace = Boolean.getBoolean("bench.loadSqlTrace");
    private final String auth = "Basic " + Base64.getEncoder()
            .encodeToString("storefront:storefront".getBytes(StandardCharsets.UTF_8));

    /** The floor's endpoint: a source of this benchmark's application only, so no other context sees it. */
    static class FloorEndpoint {
        @Bean
        RouterFunction<ServerResponse> benchPing() {
            return RouterFunctions.route().GET("/api/bench/ping", request -> ServerResponse.ok().body("ok")).build();
        }
    }

    record Level(String path, int clients, int requests, double seconds, double perSecond, double p50Ms,
                 double p99Ms, double maxMs, int errors, int status5xx, String firstError, double jvmCpuMs,
                 double pgCpuMs) {
    }

    /**
     * CPU time used so far by this JVM (application and load driver) and by the embedded PostgreSQL server (its
     * processes alive now, and the backends that ended), in ms: the cost of a request, which other builds on the
     * machine slow down but do not add to, unlike latency.
     */
    private static double[] cpuMs() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e6;
        // the server of our database (pg_ctl detaches it from this JVM): its postmaster, listening on our port
        double pg = ProcessHandle.allProcesses().filter(CheckoutLoadBenchmark::ourPostmaster)
                .mapToDouble(p -> ticks(p.pid(), true) + p.children().mapToDouble(c -> ticks(c.pid(), false)).sum())
                .sum();
        return new double[] {jvm, pg};
    }

    private static volatile int postgresPort = -1;

    private static boolean ourPostmaster(ProcessHandle p) {
        try {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "cmdline"))
                    .replace('\0', ' ');
            return line.contains("postgres -D ") && line.contains(" -p " + postgresPort + " ");
        } catch (java.io.IOException | RuntimeException gone) {
            return false;
        }
    }

    /** utime + stime of a process from /proc (+ its ended children's for the postmaster), in ms. */
    private static double ticks(long pid, boolean withEndedChildren) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14-17 of proc(5), counted from 1 with pid and comm: here from 3
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12])
                    + (withEndedChildren ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0);
            return ticks * 10.0; // USER_HZ = 100 on Linux
        } catch (java.io.IOException | RuntimeException gone) {
            return 0;
        }
    }

    @Test
    void run() throws Exception {
        String[] args = BenchApplications.onFreshPostgres(Map.of("camunda.bpm.process-engine-name", "benchload"));
        Arrays.stream(args).filter(a -> a.startsWith("--spring.datasource.url=jdbc:")).findFirst()
                .ifPresent(url -> postgresPort = URI.create(url.substring(url.indexOf("jdbc:") + 5)).getPort());
        Class<?>[] sources = sqlTrace
                ? new Class<?>[] {CartflowApplication.class, FloorEndpoint.class, SqlTrace.Wrapping.class}
                : new Class<?>[] {CartflowApplication.class, FloorEndpoint.class};
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(sources)
                .profiles("demo", "bench").web(WebApplicationType.SERVLET).run(args)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            long reader = memberId(jdbc, "sato");
            List<Long> buyers = buyers(jdbc, Math.max(10, levels.stream().mapToInt(Integer::intValue).max().orElse(1)));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://localhost:" + port;
            HttpRequest floor = get(base + "/api/bench/ping");
            HttpRequest readerCheckout = checkout(base, reader);
            HttpResponse<String> created = http.send(readerCheckout, HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("checkout answered " + created.statusCode() + ": " + created.body());
            }
            HttpRequest mypage = get(base + "/api/mypage/members/" + reader + "/subscriptions");
            // each client checks out as its own member: one member's checkouts queue on its row (points, statistics)
            List<HttpRequest> checkouts = buyers.stream().map(id -> checkout(base, id)).toList();
            Map<String, IntFunction<HttpRequest>> paths = new LinkedHashMap<>();
            paths.put("floor", client -> floor);
            paths.put("checkout", checkouts::get);
            paths.put("mypage", client -> mypage);

            log("warm-up: %d requests per path at 10 clients (not reported)", warmup);
            for (IntFunction<HttpRequest> request : paths.values()) {
                drive(http, "warm-up", request, 10, warmup);
            }
            if (sqlTrace) {
                traceOne(http, "floor", floor);
                traceOne(http, "checkout", checkouts.get(0));
                traceOne(http, "mypage", mypage);
            }
            List<Level> results = new ArrayList<>();
            for (int clients : levels) {
                for (Map.Entry<String, IntFunction<HttpRequest>> path : paths.entrySet()) {
                    Level level = drive(http, path.getKey(), path.getValue(), clients, requests);
                    log("%s at %d clients: %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d", level.path(),
                            clients, level.perSecond(), level.p50Ms(), level.p99Ms(), level.maxMs(), level.errors());
                    results.add(level);
                }
            }
            report(results, jdbc, buyers);
        }
    }

    /**
     * {@code -Dbench.loadSqlTrace=true}: the SQL round trips of one request of the path, after the warm-up (caches
     * filled), on the request threads only; printed and written to {@code target/bench/load-sql-<path>.md}.
     */
    private static void traceOne(HttpClient http, String path, HttpRequest request) throws Exception {
        SqlTrace.start("http-nio");
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        List<SqlTrace.Call> calls = SqlTrace.stop();
        String table = "SQL of one " + path + " request (HTTP " + response.statusCode() + "): " + SqlTrace.table(calls);
        System.out.println(table);
        java.nio.file.Path out = java.nio.file.Path.of("target", "bench", "load-sql-" + path + ".md");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, table + "\n" + String.join("\n", calls.stream()
                .map(c -> c.kind() + (c.rows() > 0 ? " ×" + c.rows() : "") + "  " + c.sql()).toList()) + "\n");
    }

    private HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", auth).GET().build();
    }

    private HttpRequest checkout(String base, long memberId) {
        return HttpRequest.newBuilder(URI.create(base + "/api/subscriptions")).header("Authorization", auth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(checkoutBody(memberId), StandardCharsets.UTF_8)).build();
    }

    /** One member per client, copies of the demo member {@code yamada} (address, no points, no card). */
    private static List<Long> buyers(JdbcClient jdbc, int count) {
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, last_name_kana, first_name_kana,
                    zipcode, pref, city, address, tel, points, total_points, buy_times, buy_total, marketing_consent)
                SELECT m.shop_id, 'load-' || g, 'load-' || g || '@bench.cartflow.test', m.last_name, m.first_name,
                    m.last_name_kana, m.first_name_kana, m.zipcode, m.pref, m.city, m.address, m.tel, 0, 0, 0, 0, FALSE
                FROM member m, generate_series(1, :count) g WHERE m.login_id = 'yamada'""").param("count", count).update();
        return jdbc.sql("SELECT id FROM member WHERE login_id LIKE 'load-%' ORDER BY id").query(Long.class).list();
    }

    private static long memberId(JdbcClient jdbc, String loginId) {
        return jdbc.sql("SELECT id FROM member WHERE login_id = :login").param("login", loginId).query(Long.class).single();
    }

    private static String checkoutBody(long memberId) {
        LocalDate first = LocalDate.now(TOKYO).plusDays(14);
        return "{\"memberId\":" + memberId + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}],"
                + "\"cycle\":{\"kind\":\"MONTHLY\",\"day\":" + Math.min(first.getDayOfMonth(), 28) + "},"
                + "\"firstDeliveryDate\":\"" + first + "\",\"carrierCode\":\"yamato\",\"paymentMethod\":\"COD\","
                + "\"fees\":{\"shipping\":880,\"payment\":330,\"cool\":0}}";
    }

    /** Closed loop: {@code clients} threads share the count; each records the latency of every answer. */
    private static Level drive(HttpClient http, String name, IntFunction<HttpRequest> requestOf, int clients, int count)
            throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger status5xx = new AtomicInteger();
        StringBuffer firstError = new StringBuffer();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        double[] cpuBefore = cpuMs();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                HttpRequest request = requestOf.apply(c);
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        String problem = null;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            int status = response.statusCode();
                            if (status >= 500) {
                                status5xx.incrementAndGet();
                            }
                            if (status >= 300) {
                                problem = status + " " + response.body();
                            }
                        } catch (Exception e) {
                            problem = e.toString();
                        }
                        latencies[i] = System.nanoTime() - t0;
                        if (problem != null) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError.isEmpty()) {
                                    firstError.append(problem, 0, Math.min(problem.length(), 300));
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] cpuAfter = cpuMs();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Level(name, clients, count, seconds, count / seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6, errors.get(), status5xx.get(),
                firstError.toString(), (cpuAfter[0] - cpuBefore[0]) / count, (cpuAfter[1] - cpuBefore[1]) / count);
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private void report(List<Level> results, JdbcClient jdbc, List<Long> buyers) throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """

                checkout and my-page under load: %d requests per level (after %d warm-up), JDK HttpClient, closed loop,
                PostgreSQL embedded on the same %d cores, load average %.1f at the end
                | path     | clients | req/s | p50 ms | p99 ms | max ms | errors | 5xx | vs floor req/s | CPU ms/req JVM + PostgreSQL |
                |----------|--------:|------:|-------:|-------:|-------:|-------:|----:|---------------:|----------------------------:|
                """, requests, warmup, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Map<String, Object> figures = new LinkedHashMap<>();
        for (Level l : results) {
            double floorRate = results.stream().filter(f -> f.path().equals("floor") && f.clients() == l.clients())
                    .mapToDouble(Level::perSecond).findFirst().orElse(Double.NaN);
            table.append(String.format(Locale.ROOT, "| %-8s | %7d | %5.0f | %6.1f | %6.1f | %6.1f | %6d | %3d | %14.2f | %13.1f + %-13.1f |%n",
                    l.path(), l.clients(), l.perSecond(), l.p50Ms(), l.p99Ms(), l.maxMs(), l.errors(), l.status5xx(),
                    l.perSecond() / floorRate, l.jvmCpuMs(), l.pgCpuMs()));
            String key = l.path() + ".c" + l.clients() + ".";
            figures.put(key + "perS", round(l.perSecond()));
            figures.put(key + "p50Ms", round(l.p50Ms()));
            figures.put(key + "p99Ms", round(l.p99Ms()));
            figures.put(key + "errors", l.errors());
            figures.put(key + "cpuMs", round(l.jvmCpuMs() + l.pgCpuMs()));
        }
        Level worst = results.stream().filter(l -> l.path().equals("checkout"))
                .max((a, b) -> Integer.compare(a.clients(), b.clients())).orElseThrow();
        boolean noErrors = results.stream().allMatch(l -> l.errors() == 0);
        table.append(String.format(Locale.ROOT, "target checkout p99 ≤ 50 ms at %d clients, no error, no 5xx: %s (p99 %.1f ms, errors %d)%n",
                worst.clients(), worst.p99Ms() <= 50 && noErrors ? "met" : "NOT met", worst.p99Ms(), worst.errors()));
        results.stream().filter(l -> !l.firstError().isEmpty())
                .forEach(l -> table.append("first error of ").append(l.path()).append(" at ").append(l.clients())
                        .append(" clients: ").append(l.firstError()).append('\n'));
        long subscriptions = jdbc.sql("SELECT COUNT(*) FROM subscription WHERE member_id IN (:m)").param("m", buyers)
                .query(Long.class).single();
        table.append("subscriptions of the ").append(buyers.size()).append(" buyers at the end: ").append(subscriptions)
                .append(" (one per checkout answered 201)\n");
        System.out.println(table);

        BenchCompare.writeAndCompare("load", figures, table);
        summary(results, "checkout", worst.clients(), "p99 ≤ 50 ms, no error/5xx", worst.p99Ms() <= 50 && noErrors);
        summary(results, "checkout", 1, "—", null);
        summary(results, "mypage", worst.clients(), "—", null);
        BenchSummary.print();
    }

    private static void summary(List<Level> results, String path, int clients, String target, Boolean met) {
        Optional<Level> level = find(results, path, clients);
        Optional<Level> floor = find(results, "floor", clients);
        if (level.isEmpty() || floor.isEmpty()) {
            return;
        }
        Level l = level.get();
        Level f = floor.get();
        String name = path.equals("checkout") ? "checkout `POST /api/subscriptions`" : "my-page read";
        BenchSummary.row(String.format(Locale.ROOT, "%s, %d client%s", name, clients, clients == 1 ? "" : "s"),
                "-Dit.test=CheckoutLoadBenchmark",
                String.format(Locale.ROOT, "authenticated no-op %.0f req/s, p50 %.1f ms, p99 %.0f ms", f.perSecond(), f.p50Ms(), f.p99Ms()),
                String.format(Locale.ROOT, "%.0f req/s, p50 %.1f ms, p99 %.0f ms, max %.0f ms, %d errors", l.perSecond(),
                        l.p50Ms(), l.p99Ms(), l.maxMs(), l.errors()),
                String.format(Locale.ROOT, "%.2f×", l.perSecond() / f.perSecond()), target,
                met == null ? "—" : met ? "yes" : "**no**");
    }

    private static Optional<Level> find(List<Level> results, String path, int clients) {
        return results.stream().filter(l -> l.path().equals(path) && l.clients() == clients).findFirst();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
