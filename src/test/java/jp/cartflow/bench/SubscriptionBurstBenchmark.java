package jp.cartflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.cartflow.CartflowApplication;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.SubscriptionLifecycle;
import jp.cartflow.testsupport.TestDatabases;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The morning when N subscriptions fall due (docs/performance.md). Not a test: run with
 * {@code mvn -Pbench verify -Dbench.subscriptions=10000}; it prints a table and writes target/bench/result-*.json.
 * <p>
 * Three scenarios, in one invocation, on one PostgreSQL server (embedded, or {@code CARTFLOW_BENCH_DB_URL}),
 * each on a fresh database seeded with the same data: <b>cartflow</b> (the product's default configuration),
 * <b>jdbc</b> (the floor: the same generation service, one transaction per subscription, no engine, on as many
 * threads as cartflow's job executor and the same connection pool) and <b>defaults</b> (the same engine with
 * Camunda's default job-executor settings and full history, without our index).
 */
class SubscriptionBurstBenchmark {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Before every generation time: processes are started and wait at their timers. */
    private static final Instant SEEDED_AT = ZonedDateTime.of(2026, 12, 10, 10, 0, 0, 0, TOKYO).toInstant();
    /** The morning when every one of them is due (generation times Dec 18–23 at 05:00). */
    private static final Instant MORNING = ZonedDateTime.of(2026, 12, 23, 6, 0, 0, 0, TOKYO).toInstant();

    private final int n = Integer.getInteger("bench.subscriptions", 10_000);
    private final Duration timeout = Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 30));
    /** Authorization at generation (SUB-5) against the in-process simulator with a fixed latency. */
    private final boolean authorization = Boolean.getBoolean("bench.authorization");
    private final long gatewayLatencyMs = Long.getLong("bench.gatewayLatencyMs", 50);
    private final List<String> scenarios = List.of(System.getProperty("bench.scenarios", "cartflow,jdbc,defaults")
            .split(","));
    /** -Dbench.threads=1,2,4,8: after the main table, cartflow and the floor again at each job-thread count. */
    private final List<Integer> threadCounts = System.getProperty("bench.threads", "").isBlank() ? List.of()
            : java.util.Arrays.stream(System.getProperty("bench.threads").split(",")).map(String::strip)
                    .map(Integer::valueOf).toList();
    /** Subscriptions per scale-up scenario (default: the same N as the main table). */
    private final int threadsN = Integer.getInteger("bench.threadsSubscriptions", n);

    @Test
    void run() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", Math.min(2000, n));
        if (warmup > 0) {
            // the JIT compiles the engine's and our hot paths here, so no measured scenario pays for it
            log("warm-up: %d subscriptions through the engine and the floor (not reported)", warmup);
            runScenario("cartflow", warmup);
            runScenario("jdbc", warmup);
        }
        List<BenchFigures> rows = new ArrayList<>();
        for (String scenario : scenarios) {
            rows.add(runScenario(scenario.strip(), n));
        }
        String table = (authorization ? "\nauthorization at generation ON (SUB-5): card/NP orders authorized against the "
                + "simulator with " + gatewayLatencyMs + " ms latency per call" : "\nauthorization at generation OFF")
                + ResultTable.render(rows);
        List<BenchFigures> scaleUp = new ArrayList<>();
        for (int threads : threadCounts) {
            scaleUp.add(runScenario("cartflow", threadsN, threads));
            scaleUp.add(runScenario("jdbc", threadsN, threads));
        }
        if (!scaleUp.isEmpty()) {
            table += scaleUpTable(scaleUp);
        }
        System.out.println(table);
        rows.addAll(scaleUp);
        writeJson(rows, table);
        BenchSummary.burst(rows, authorization); // summary table row + regression check against docs/bench/burst-<N>.json
    }

    /** Orders/s per job-thread count, the speed-up against the smallest count, and cartflow / floor per count. */
    private String scaleUpTable(List<BenchFigures> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%nscale-up, %d subscriptions per run (job threads = floor threads; pool %d)%n%7s %13s %10s %11s %10s %8s %8s%n",
                threadsN, Integer.getInteger("bench.poolSize", 20), "threads", "cartflow o/s", "speed-up",
                "floor o/s", "speed-up", "ratio", "dup+lost"));
        double cartflowFirst = rows.get(0).ordersPerSecond();
        double floorFirst = rows.get(1).ordersPerSecond();
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            BenchFigures c = rows.get(i);
            BenchFigures f = rows.get(i + 1);
            out.append(String.format(Locale.ROOT, "%7d %13.0f %9.2f× %11.0f %9.2f× %7.2f× %8d%n", threadCounts.get(i / 2),
                    c.ordersPerSecond(), c.ordersPerSecond() / cartflowFirst, f.ordersPerSecond(),
                    f.ordersPerSecond() / floorFirst, c.ordersPerSecond() / f.ordersPerSecond(),
                    c.duplicates() + c.missing() + f.duplicates() + f.missing()));
        }
        return out.toString();
    }

    private BenchFigures runScenario(String scenario, int n) throws Exception {
        return runScenario(scenario, n, null);
    }

    private BenchFigures runScenario(String scenario, int n, Integer jobThreads) throws Exception {
        TestDatabases.Database db = database();
        int poolSize = Integer.getInteger("bench.poolSize", 20);
        Map<String, Object> properties = new LinkedHashMap<>(Map.of(
                "spring.datasource.url", db.url(), "spring.datasource.username", db.user(),
                "spring.datasource.password", db.password(),
                "spring.datasource.hikari.maximum-pool-size", poolSize,
                "server.port", 0, "camunda.bpm.process-engine-name", "bench" + scenario,
                "cartflow.demo.mail.smtp-port", TestDatabases.freePort(),
                "cartflow.demo.mail.pop3-port", TestDatabases.freePort(),
                "cartflow.mail.dispatcher.enabled", false,
                "cartflow.payment.simulator.latency", gatewayLatencyMs + "ms"));
        String description = switch (scenario) {
            case "cartflow" -> {
                // -Dbench.cartflowArgs="key=value key=value": try settings before making them the product default
                for (String pair : System.getProperty("bench.cartflowArgs", "").split("\\s+")) {
                    if (pair.contains("=")) {
                        properties.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                    }
                }
                yield "cartflow defaults (application.yaml)" + (System.getProperty("bench.cartflowArgs", "").isBlank()
                        ? "" : " + " + System.getProperty("bench.cartflowArgs"));
            }
            case "jdbc" -> {
                properties.put("camunda.bpm.job-execution.enabled", false);
                yield "plain JDBC: the generation service, one transaction per subscription, no engine";
            }
            case "defaults" -> {
                properties.putAll(Map.of(
                        "camunda.bpm.job-execution.core-pool-size", 3, "camunda.bpm.job-execution.max-pool-size", 10,
                        "camunda.bpm.job-execution.queue-capacity", 3,
                        "camunda.bpm.job-execution.max-jobs-per-acquisition", 3,
                        "camunda.bpm.job-execution.wait-time-in-millis", 5000,
                        "camunda.bpm.job-execution.max-wait", 60000,
                        "camunda.bpm.job-execution.backoff-time-in-millis", 0,
                        "camunda.bpm.history-level", "full",
                        "cartflow.engine.due-date-acquisition", false));
                yield "Camunda defaults: 3 jobs/acquisition, 3–10 threads, queue 3, full history, no due-date index";
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        if (jobThreads != null) {
            // the job executor's pool, and the floor's threads (threadsOf reads the same property)
            properties.put("camunda.bpm.job-execution.core-pool-size", jobThreads);
            properties.put("camunda.bpm.job-execution.max-pool-size", jobThreads);
            description += ", " + jobThreads + " job threads";
        }
        BenchBeans.CLOCK.jumpTo(SEEDED_AT);
        log("%s: starting the application on %s", scenario, db.url());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CartflowApplication.class, BenchBeans.class)
                .profiles("demo", "bench").web(WebApplicationType.SERVLET).run(arguments(properties))) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long t0 = System.nanoTime();
            BenchSeeder.seed(jdbc, n, authorization);
            long toAuthorize = authorization ? jdbc.sql("""
                    SELECT COUNT(*) FROM subscription WHERE subscription_no LIKE 'B%'
                    AND payment_method_code IN ('SBPS_CARD', 'ZEUS_CARD', 'NP_DEFERRED')""").query(Long.class).single() : 0;
            List<long[]> subscriptions = jdbc.sql("SELECT id FROM subscription WHERE subscription_no LIKE 'B%' ORDER BY id")
                    .query((rs, i) -> new long[]{rs.getLong(1)}).list();
            boolean engine = !"jdbc".equals(scenario);
            if (engine) {
                startProcesses(app, jdbc, poolSize - 4);
            }
            log("%s: seeded %d subscriptions in %.0f s", scenario, n, (System.nanoTime() - t0) / 1e9);
            long dbBefore = databaseBytes(jdbc);
            Map<String, Long> writesBefore = tableWrites(jdbc);
            ManagementService management = app.getBean(ManagementService.class);
            long failuresBefore = engine ? lockFailures(management) : 0;

            HeapSampler heap = new HeapSampler();
            heap.start();
            BenchClock clock = BenchBeans.CLOCK;
            clock.jumpTo(MORNING);
            long start = System.nanoTime();
            Instant jumpedAt = clock.instant();
            AtomicLong peakBacklog = new AtomicLong();
            ExecutorService floor = engine ? null : runFloor(app, subscriptions, threadsOf(app));
            long lastPrint = 0;
            while (true) {
                long done = generated(jdbc);
                long authorized = authorization ? authorized(jdbc) : 0;
                long armed = engine ? armedTimers(jdbc, jumpedAt) : done;
                long backlog = engine ? dueBacklog(jdbc) : n - done;
                peakBacklog.accumulateAndGet(backlog, Math::max);
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (elapsed - lastPrint >= 5) {
                    lastPrint = (long) elapsed;
                    double rate = done / Math.max(elapsed, 0.001);
                    log("%s: %d/%d orders, %d next timers armed, %s backlog %d, %.0f orders/s, ETA %.0f s", scenario,
                            done, n, armed, authorization ? authorized + "/" + toAuthorize + " authorized," : "",
                            backlog, rate, rate > 0 ? (n - done) / rate : Double.NaN);
                }
                if (done >= n && armed >= n && authorized >= toAuthorize) {
                    break;
                }
                if (elapsed > timeout.toSeconds()) {
                    log("%s: timeout after %.0f s", scenario, elapsed);
                    break;
                }
                Thread.sleep(engine ? 250 : 100);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            if (floor != null) {
                floor.shutdown();
                floor.awaitTermination(1, TimeUnit.MINUTES);
            }
            heap.stop();
            long done = generated(jdbc);
            long[] lag = lagPercentiles(jdbc, jumpedAt);
            long duplicates = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT subscription_id, delivery_index FROM customer_order
                    WHERE subscription_id IS NOT NULL GROUP BY subscription_id, delivery_index HAVING COUNT(*) > 1) d""")
                    .query(Long.class).single();
            long missing = jdbc.sql("""
                    SELECT COUNT(*) FROM subscription s WHERE s.subscription_no LIKE 'B%' AND NOT EXISTS (
                    SELECT 1 FROM customer_order o WHERE o.subscription_id = s.id AND o.delivery_index = 2)""")
                    .query(Long.class).single();
            long failures = engine ? lockFailures(management) - failuresBefore : 0;
            long engineBytes = engineBytes(jdbc);
            log("%s: rows written per subscription during the run — %s", scenario, rowWrites(jdbc, writesBefore, n));
            long growth = databaseBytes(jdbc) - dbBefore;
            clock.reset();
            BenchFigures figures = new BenchFigures(jobThreads == null ? scenario : scenario + "/" + jobThreads,
                    description, n, wall, done / wall, lag[0], lag[1],
                    failures, peakBacklog.get(), heap.peakMb(), ProcessMemory.rssMb(),
                    engine ? engineBytes / n : growth / n, done, duplicates, missing,
                    engine ? armedTimers(jdbc, jumpedAt) : done);
            log("%s: %s", scenario, figures);
            return figures;
        }
    }

    /** As command-line arguments: they win over the profiles' files (the demo profile names H2). */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private void startProcesses(ConfigurableApplicationContext app, JdbcClient jdbc, int threads) throws Exception {
        SubscriptionLifecycle lifecycle = app.getBean(SubscriptionLifecycle.class);
        ConcurrentLinkedQueue<Object[]> queue = new ConcurrentLinkedQueue<>(
                jdbc.sql("SELECT id, subscription_no FROM subscription WHERE subscription_no LIKE 'B%'")
                        .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).list());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        for (int t = 0; t < Math.max(1, threads); t++) {
            pool.submit(() -> {
                Object[] next;
                while ((next = queue.poll()) != null) {
                    lifecycle.start((Long) next[0], (String) next[1]);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toMinutes(), TimeUnit.MINUTES)) {
            throw new IllegalStateException("process start did not finish");
        }
    }

    /** The floor: the same generation service and schedule read, one transaction per subscription, no engine. */
    private ExecutorService runFloor(ConfigurableApplicationContext app, List<long[]> subscriptions, int threads) {
        SubscriptionGeneration generation = app.getBean(SubscriptionGeneration.class);
        CreditAuthorizationService authorizations = app.getBean(CreditAuthorizationService.class);
        TransactionTemplate tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        ConcurrentLinkedQueue<long[]> queue = new ConcurrentLinkedQueue<>(subscriptions);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                long[] next;
                while ((next = queue.poll()) != null) {
                    long id = next[0];
                    SubscriptionGeneration.Outcome outcome = tx.execute(status -> {
                        Instant slot = generation.nextGenerationAt(id);
                        SubscriptionGeneration.Outcome generated = generation.generate(id, slot);
                        generation.nextGenerationAt(id);
                        return generated;
                    });
                    if (outcome != null && outcome.authorize()) {
                        // as the engine does it: its own transaction after the order committed, same gateway call
                        tx.executeWithoutResult(status -> authorizations.authorize(outcome.orderId(), "bench"));
                    }
                }
            });
        }
        return pool;
    }

    private static int threadsOf(ConfigurableApplicationContext app) {
        return app.getEnvironment().getProperty("camunda.bpm.job-execution.max-pool-size", Integer.class, 10);
    }

    private static long generated(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE delivery_index = 2").query(Long.class).single();
    }

    /** Card and NP orders of this burst whose authorization reached an answer (SUB-5). */
    private static long authorized(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM customer_order WHERE delivery_index = 2
                AND payment_method_code IN ('SBPS_CARD', 'ZEUS_CARD', 'NP_DEFERRED')
                AND payment_status IN ('AUTHORIZED', 'AUTH_PENDING', 'AUTH_DECLINED', 'CAPTURED')""")
                .query(Long.class).single();
    }

    private static long armedTimers(JdbcClient jdbc, Instant jumpedAt) {
        return jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'timer' AND duedate_ > :t")
                .param("t", java.sql.Timestamp.from(jumpedAt)).query(Long.class).single();
    }

    private static long dueBacklog(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND lock_owner_ IS NULL AND duedate_ <= :now""")
                .param("now", java.sql.Timestamp.from(BenchBeans.CLOCK.instant())).query(Long.class).single();
    }

    private static long[] lagPercentiles(JdbcClient jdbc, Instant jumpedAt) {
        Map<String, Object> row = jdbc.sql("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (created_at - :t))) AS p50,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (created_at - :t))) AS p99
                FROM customer_order WHERE delivery_index = 2""")
                .param("t", jumpedAt.atOffset(java.time.ZoneOffset.UTC)).query().singleRow();
        return new long[]{toMillis(row.get("p50")), toMillis(row.get("p99"))};
    }

    private static long toMillis(Object seconds) {
        return seconds == null ? -1 : Math.round(((Number) seconds).doubleValue() * 1000);
    }

    private static long lockFailures(ManagementService management) {
        management.reportDbMetricsNow();
        long acquisition = management.createMetricsQuery().name(Metrics.JOB_ACQUIRED_FAILURE).sum();
        long execution = management.createMetricsQuery().name(Metrics.JOB_FAILED).sum();
        return acquisition + execution;
    }

    /** Inserted + updated + deleted rows per table (PostgreSQL statistics, refreshed before reading). */
    private static Map<String, Long> tableWrites(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_stat_force_next_flush()").query().listOfRows();
        Map<String, Long> writes = new java.util.TreeMap<>();
        jdbc.sql("SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS w FROM pg_stat_user_tables")
                .query((rs, i) -> writes.put(rs.getString(1), rs.getLong(2))).list();
        return writes;
    }

    private static String rowWrites(JdbcClient jdbc, Map<String, Long> before, int n) {
        try {
            Thread.sleep(600); // the statistics collector lags a little behind the commits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Long> after = tableWrites(jdbc);
        StringBuilder engine = new StringBuilder();
        StringBuilder ours = new StringBuilder();
        double engineTotal = 0;
        double oursTotal = 0;
        for (var entry : after.entrySet()) {
            double perSub = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / (double) n;
            if (perSub < 0.05) {
                continue;
            }
            boolean isEngine = entry.getKey().startsWith("act_");
            (isEngine ? engine : ours).append(String.format(Locale.ROOT, " %s=%.1f", entry.getKey(), perSub));
            if (isEngine) {
                engineTotal += perSub;
            } else {
                oursTotal += perSub;
            }
        }
        return String.format(Locale.ROOT, "engine %.1f (%s ), ours %.1f (%s )", engineTotal, engine, oursTotal, ours);
    }

    private static long databaseBytes(JdbcClient jdbc) {
        return jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
    }

    private static long engineBytes(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                JOIN pg_namespace ns ON ns.oid = c.relnamespace
                WHERE c.relkind = 'r' AND ns.nspname = current_schema()
                  AND (c.relname LIKE 'act_ru_%' OR c.relname LIKE 'act_hi_%')""").query(Long.class).single();
    }

    private static TestDatabases.Database database() {
        String url = System.getenv("CARTFLOW_BENCH_DB_URL");
        if (url == null || url.isBlank()) {
            return TestDatabases.createPostgres();
        }
        // an external server: same mechanism as the tests (CREATE DATABASE per scenario)
        return TestDatabases.createPostgresOn(url, System.getenv().getOrDefault("CARTFLOW_BENCH_DB_USER", "postgres"),
                System.getenv().getOrDefault("CARTFLOW_BENCH_DB_PASSWORD", ""));
    }

    private void writeJson(List<BenchFigures> rows, String table) throws Exception {
        File dir = new File(System.getProperty("bench.out", "target/bench"));
        dir.mkdirs();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("at", LocalDateTime.now().toString());
        result.put("subscriptions", n);
        result.put("authorizationAtGeneration", authorization);
        result.put("gatewayLatencyMs", gatewayLatencyMs);
        result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"),
                "jvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        result.put("rows", rows);
        result.put("table", table);
        File out = new File(dir, "result-" + n + "-" + System.currentTimeMillis() + ".json");
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, result);
        log("result written to %s", out);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n",
                prepend(java.time.LocalTime.now(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Peak heap in use, sampled every 200 ms. */
    static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
        }

        long peakMb() {
            return peak.get() / (1024 * 1024);
        }
    }
}
