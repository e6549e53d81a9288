package jp.cartflow.reliability;

import jp.cartflow.bench.BenchSeeder;
import jp.cartflow.platform.engine.EngineMetrics;
import jp.cartflow.subscription.SubscriptionLifecycle;
import jp.cartflow.testsupport.TestDatabases;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, one PostgreSQL, job executors on (docs/operations.md, "Cluster"): node B runs in a JVM of its own and
 * is killed ({@code kill -9}) in the middle of a burst of due subscriptions with authorization at generation; node
 * A, in the test's JVM, takes over B's locked jobs after the lock time. Figures go to target/cluster-report.txt.
 */
@Tag("own-jvm")
@Tag("slow")
@DisplayName("Cluster: two engines on one database, one killed mid-burst")
class TwoNodeClusterIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Every seeded generation time (Dec 18–23, 05:00) has passed. */
    private static final Instant MORNING = ZonedDateTime.of(2026, 12, 23, 6, 0, 0, 0, TOKYO).toInstant();
    private static final int N = Integer.getInteger("cluster.subscriptions", 300);
    private static final int GATEWAY_DELAY_MS = 300;

    @Test
    @DisplayName("SUB-4/PAY-1 kill -9 of a node mid-burst: one order per delivery, one charge per order, drained within the lock time")
    void killOneNodeMidBurst() throws Exception {
        TestDatabases.Database db = TestDatabases.createPostgres();
        long offset = Duration.between(Instant.now(), MORNING).toMillis();
        boolean backpressure = Boolean.parseBoolean(System.getProperty("cluster.backpressure", "true"));
        try (GatewayStandIn gateway = new GatewayStandIn(GATEWAY_DELAY_MS)) {
            List<String> common = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                    "--spring.datasource.password=" + db.password(), "--spring.datasource.hikari.maximum-pool-size=20",
                    "--server.port=0", "--" + ShiftedClock.OFFSET + "=" + offset,
                    "--cartflow.engine.job-queue-backpressure=" + backpressure));
            common.addAll(gateway.arguments());

            NodeProcess nodeB = NodeProcess.launch(node(common, "nodeB"));
            String ownerB = nodeB.awaitReady(Duration.ofMinutes(3));
            try (ConfigurableApplicationContext nodeA = ClusterNode.start(node(common, "nodeA").toArray(String[]::new))) {
                JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
                EngineMetrics metricsA = nodeA.getBean(EngineMetrics.class);
                BenchSeeder.seed(jdbc, N, true);
                long toAuthorize = jdbc.sql("""
                        SELECT COUNT(*) FROM subscription WHERE subscription_no LIKE 'B%'
                        AND payment_method_code IN ('SBPS_CARD', 'ZEUS_CARD', 'NP_DEFERRED')""").query(Long.class).single();

                long burstStart = System.nanoTime();
                Thread starter = startProcesses(nodeA.getBean(SubscriptionLifecycle.class), jdbc);

                // kill B while it holds jobs (generations and gateway calls in flight)
                List<String> stranded = List.of();
                Instant deadline = Instant.now().plusSeconds(120);
                while (Instant.now().isBefore(deadline)) {
                    stranded = jdbc.sql("SELECT id_ FROM act_ru_job WHERE lock_owner_ = :b AND lock_exp_time_ > :now")
                            .param("b", ownerB).param("now", Timestamp.from(Instant.now().plusMillis(offset)))
                            .query(String.class).list();
                    if (stranded.size() >= 8 && generated(jdbc) >= N / 5) {
                        break;
                    }
                    Thread.sleep(20);
                }
                assertThat(stranded).as("node B holds jobs when it is killed").hasSizeGreaterThanOrEqualTo(8);
                NodeProcess.Counters countersB = nodeB.lastCounters();
                long generatedAtKill = generated(jdbc);
                nodeB.kill();
                long killedAt = System.nanoTime();

                long recoveredAt = 0;
                Instant end = Instant.now().plusSeconds(180);
                while (Instant.now().isBefore(end)) {
                    if (recoveredAt == 0 && jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = :b AND id_ IN (:ids)")
                            .param("b", ownerB).param("ids", stranded).query(Long.class).single() == 0) {
                        recoveredAt = System.nanoTime();
                    }
                    if (recoveredAt != 0 && generated(jdbc) >= N && authorized(jdbc) >= toAuthorize && armed(jdbc, offset) >= N) {
                        break;
                    }
                    Thread.sleep(100);
                }
                starter.join();
                long drainedAt = System.nanoTime();

                long duplicates = jdbc.sql("""
                        SELECT COUNT(*) FROM (SELECT subscription_id, delivery_index FROM customer_order
                        WHERE subscription_id IS NOT NULL GROUP BY subscription_id, delivery_index HAVING COUNT(*) > 1) d""")
                        .query(Long.class).single();
                Map<String, Long> perKey = gateway.requestsPerKey();
                long maxKeysPerOrder = perKey.keySet().stream()
                        .collect(java.util.stream.Collectors.groupingBy(k -> k.substring(0, k.lastIndexOf(":AUTHORIZE")),
                                java.util.stream.Collectors.counting())).values().stream().mapToLong(Long::longValue)
                        .max().orElse(0);
                long replays = perKey.values().stream().mapToLong(c -> c - 1).sum();
                long incidents = jdbc.sql("SELECT COUNT(*) FROM act_ru_incident").query(Long.class).single();
                double recovery = (recoveredAt - killedAt) / 1e9;
                double drain = (drainedAt - killedAt) / 1e9;
                String report = String.format(Locale.ROOT, """
                        two-node test: %d subscriptions due, authorization at generation, gateway delay %d ms, lock time %s ms, \
                        queue backpressure %s
                          orders for delivery 2: %d (duplicates %d) -> orders per delivery: %s
                          card/NP orders authorized: %d of %d; authorization keys sent: %d, requests %d (replays of a key %d); \
                        charges per order (distinct keys per order, max): %d
                          acquisition conflicts: node A %d, node B %d (until its kill); rejected executions: node A %d, node B %d
                          jobs acquired: node A %d, node B %d; failed job attempts: node A %d; incidents: %d
                          node B killed at %.1f s into the burst with %d jobs locked and %d of %d orders generated
                          recovery (all of B's locked jobs taken over): %.1f s after the kill; burst drained %.1f s after the kill
                        """, N, GATEWAY_DELAY_MS, nodeA.getEnvironment().getProperty("camunda.bpm.job-execution.lock-time-in-millis"),
                        backpressure, generated(jdbc), duplicates, duplicates == 0 && generated(jdbc) == N ? "1" : "NOT 1",
                        authorized(jdbc), toAuthorize, perKey.size(), perKey.values().stream().mapToLong(Long::longValue).sum(),
                        replays, maxKeysPerOrder,
                        metricsA.total(Metrics.JOB_ACQUIRED_FAILURE), countersB.conflicts(),
                        metricsA.total(Metrics.JOB_EXECUTION_REJECTED), countersB.rejected(),
                        metricsA.total(Metrics.JOB_ACQUIRED_SUCCESS), countersB.acquired(), metricsA.total(Metrics.JOB_FAILED),
                        incidents, (killedAt - burstStart) / 1e9, stranded.size(), generatedAtKill, N, recovery, drain);
                System.out.println(report);
                File out = new File("target/cluster-report.txt");
                Files.writeString(out.toPath(), report, StandardCharsets.UTF_8);

                assertThat(generated(jdbc)).as("SUB-4 one order per subscription and delivery").isEqualTo(N);
                assertThat(duplicates).isZero();
                assertThat(authorized(jdbc)).isEqualTo(toAuthorize);
                assertThat(maxKeysPerOrder).as("PAY-1 one charge (idempotency key) per order").isEqualTo(1);
                assertThat(perKey).hasSize((int) toAuthorize);
                assertThat(incidents).isZero();
                assertThat(recovery).as("B's jobs are taken over within the lock time (+ acquisition)").isLessThan(65);
            } finally {
                nodeB.kill();
            }
        }
    }

    private static List<String> node(List<String> common, String name) {
        List<String> args = new ArrayList<>(common);
        args.add("--camunda.bpm.process-engine-name=" + name);
        args.add("--cartflow.demo.mail.smtp-port=" + TestDatabases.freePort());
        args.add("--cartflow.demo.mail.pop3-port=" + TestDatabases.freePort());
        return args;
    }

    private static Thread startProcesses(SubscriptionLifecycle lifecycle, JdbcClient jdbc) {
        ConcurrentLinkedQueue<Object[]> queue = new ConcurrentLinkedQueue<>(
                jdbc.sql("SELECT id, subscription_no FROM subscription WHERE subscription_no LIKE 'B%' ORDER BY id")
                        .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).list());
        Thread thread = new Thread(() -> {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                pool.submit(() -> {
                    Object[] next;
                    while ((next = queue.poll()) != null) {
                        lifecycle.start((Long) next[0], (String) next[1]);
                    }
                });
            }
            pool.shutdown();
            try {
                pool.awaitTermination(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cluster-test-starter");
        thread.start();
        return thread;
    }

    private static long generated(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE delivery_index = 2").query(Long.class).single();
    }

    private static long authorized(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM customer_order WHERE delivery_index = 2
                AND payment_method_code IN ('SBPS_CARD', 'ZEUS_CARD', 'NP_DEFERRED') AND payment_status = 'AUTHORIZED'""")
                .query(Long.class).single();
    }

    /** Subscriptions waiting at their next generation timer (after this burst). */
    private static long armed(JdbcClient jdbc, long offset) {
        return jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'timer' AND duedate_ > :t")
                .param("t", Timestamp.from(MORNING)).query(Long.class).single();
    }

    /** Node B: the application in a JVM of its own, on the test's classpath. */
    static final class NodeProcess {

        record Counters(long acquired, long conflicts, long rejected) {
        }

        private final Process process;
        private final CountDownLatch ready = new CountDownLatch(1);
        private final AtomicReference<String> lockOwner = new AtomicReference<>();
        private final AtomicReference<Counters> counters = new AtomicReference<>(new Counters(0, 0, 0));

        private NodeProcess(Process process) {
            this.process = process;
            Thread reader = new Thread(this::read, "node-b-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        static NodeProcess launch(List<String> args) throws IOException {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(
                    new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dfile.encoding=UTF-8", "-cp", classpath, ClusterNode.class.getName()));
            command.addAll(args);
            return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(ClusterNode.READY)) {
                        lockOwner.set(line.substring(ClusterNode.READY.length()).strip());
                        ready.countDown();
                    } else if (line.startsWith(ClusterNode.METRICS)) {
                        counters.set(new Counters(value(line, "acquired"), value(line, "conflicts"), value(line, "rejected")));
                    } else {
                        System.out.println("[node B] " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }

        private static long value(String line, String name) {
            for (String part : line.split(" ")) {
                if (part.startsWith(name + "=")) {
                    return Long.parseLong(part.substring(name.length() + 1));
                }
            }
            return 0;
        }

        String awaitReady(Duration timeout) throws InterruptedException {
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("node B did not start within " + timeout);
            }
            return lockOwner.get();
        }

        Counters lastCounters() {
            return counters.get();
        }

        /** SIGKILL: no shutdown hook, no commit, no unlock. */
        void kill() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
