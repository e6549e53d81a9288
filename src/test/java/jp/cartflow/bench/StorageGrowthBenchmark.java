package jp.cartflow.bench;

import jp.cartflow.CartflowApplication;
import jp.cartflow.subscription.SubscriptionLifecycle;
import jp.cartflow.testsupport.TestDatabases;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Database growth per active subscription over simulated months (docs/performance.md, "Storage per active
 * subscription"). Not a test: run with {@code mvn -Pbench verify -Dit.test=StorageGrowthBenchmark}.
 * <p>
 * K subscriptions of the burst's shape ({@link BenchSeeder}) run on the real engine with the product's settings
 * (history level, time-to-live of every process and decision, history cleanup on). Each simulated month the
 * clock (ours and the engine's {@code ClockUtil}) jumps to the morning after that month's generations and the
 * job executor generates every order that fell due; then the clock jumps to the night after (inside the cleanup
 * window), the engine's history cleanup runs until nothing removable is left, and PostgreSQL's {@code VACUUM}
 * runs as autovacuum would in a month. After each month it reports {@code pg_total_relation_size} (table, indexes,
 * TOAST) of the runtime tables ({@code act_ru_*}), the history tables ({@code act_hi_*}), the engine's other
 * tables and ours, per active subscription and as growth in that month.
 */
class StorageGrowthBenchmark {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant SEEDED_AT = ZonedDateTime.of(2026, 12, 10, 10, 0, 0, 0, TOKYO).toInstant();
    /** The seeded generations fall on Dec 18–23 at 05:00; month m ends on the 23rd + m − 1 months at 06:00. */
    private static final ZonedDateTime FIRST_MORNING = ZonedDateTime.of(2026, 12, 23, 6, 0, 0, 0, TOKYO);
    private static final long TARGET_BYTES_PER_MONTH = 10 * 1024;

    private final int k = Integer.getInteger("bench.storageSubscriptions", 2000);
    private final int months = Integer.getInteger("bench.storageMonths", 12);

    record Month(int month, long active, long orders, long runtime, long history, long engineOther, long ours,
                 long cleanedInstances, long incidents) {
        long total() {
            return runtime + history + engineOther + ours;
        }
    }

    @Test
    void run() throws Exception {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("camunda.bpm.process-engine-name", "benchstorage");
        extra.put("spring.datasource.hikari.maximum-pool-size", 20);
        extra.put("cartflow.mail.dispatcher.enabled", false);
        String[] args = BenchApplications.onFreshPostgres(extra);
        BenchClock clock = BenchBeans.CLOCK;
        clock.jumpTo(SEEDED_AT);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CartflowApplication.class, BenchBeans.class)
                .profiles("demo", "bench").web(WebApplicationType.SERVLET).run(args)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            ManagementService management = app.getBean(ManagementService.class);
            BenchSeeder.seed(jdbc, k, false);
            startProcesses(app, jdbc);
            vacuum(jdbc);
            Month start = measure(jdbc, 0, 0);
            log("seeded %d subscriptions and started their lifecycles: %s", k, start);
            List<Month> rows = new ArrayList<>();
            rows.add(start);
            Map<String, Long> tablesBefore = tableSizes(jdbc);
            Map<String, Long> tablesAtMonth2 = tablesBefore;
            for (int m = 1; m <= months; m++) {
                ZonedDateTime morning = FIRST_MORNING.plusMonths(m - 1);
                clock.jumpTo(morning.toInstant());
                long t0 = System.nanoTime();
                awaitDueGenerations(jdbc);
                double generationSeconds = (System.nanoTime() - t0) / 1e9;
                // the night after: inside the cleanup window (01:00–04:30 Tokyo)
                clock.jumpTo(morning.plusDays(1).withHour(2).toInstant());
                long cleaned = cleanUp(app.getBean(HistoryService.class), management, jdbc);
                vacuum(jdbc);
                Month month = measure(jdbc, m, cleaned);
                rows.add(month);
                if (m == 2) {
                    tablesAtMonth2 = tableSizes(jdbc);
                }
                log("month %d: generated in %.0f s, %d finished instances removed by cleanup: %s", m,
                        generationSeconds, cleaned, month);
            }
            clock.reset();
            report(rows, tablesBefore, tablesAtMonth2, tableSizes(jdbc));
        } finally {
            clock.reset();
        }
    }

    private void startProcesses(ConfigurableApplicationContext app, JdbcClient jdbc) throws InterruptedException {
        SubscriptionLifecycle lifecycle = app.getBean(SubscriptionLifecycle.class);
        ConcurrentLinkedQueue<Object[]> queue = new ConcurrentLinkedQueue<>(
                jdbc.sql("SELECT id, subscription_no FROM subscription WHERE subscription_no LIKE 'B%'")
                        .query((rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}).list());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                Object[] next;
                while ((next = queue.poll()) != null) {
                    lifecycle.start((Long) next[0], (String) next[1]);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("process start did not finish");
        }
    }

    /** Until no job of a lifecycle that is due now is left (a generation that loops may arm a timer due now). */
    private static void awaitDueGenerations(JdbcClient jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        int quiet = 0;
        while (quiet < 3) {
            long due = jdbc.sql("""
                    SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND duedate_ <= :now
                    AND process_def_key_ = 'SubscriptionLifecycleProcess'""")
                    .param("now", Timestamp.from(BenchBeans.CLOCK.instant())).query(Long.class).single();
            quiet = due == 0 ? quiet + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(due + " generation jobs still due after 20 minutes");
            }
            Thread.sleep(500);
        }
    }

    /**
     * The engine's history cleanup, as its nightly job does it: scheduled now ({@code cleanUpHistoryAsync(true)}) and
     * run (here, or by the job executor) until no finished instance whose removal time has passed is left.
     */
    private static long cleanUp(HistoryService history, ManagementService management, JdbcClient jdbc) throws InterruptedException {
        long before = removable(jdbc);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (removable(jdbc) > 0) {
            try {
                Job job = history.cleanUpHistoryAsync(true);
                if (job != null && job.getDuedate() != null && !job.getDuedate().toInstant().isAfter(BenchBeans.CLOCK.instant())) {
                    management.executeJob(job.getId());
                }
            } catch (OptimisticLockingException e) {
                // the job executor ran it at the same moment
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(removable(jdbc) + " removable history instances left after 10 minutes");
            }
            Thread.sleep(100);
        }
        return before;
    }

    /** Finished process and decision instances whose removal time has passed. */
    private static long removable(JdbcClient jdbc) {
        Timestamp now = Timestamp.from(BenchBeans.CLOCK.instant());
        return jdbc.sql("SELECT COUNT(*) FROM act_hi_procinst WHERE removal_time_ <= :now").param("now", now)
                .query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM act_hi_decinst WHERE removal_time_ <= :now").param("now", now)
                .query(Long.class).single();
    }

    /** What autovacuum does over a month: dead rows' space becomes reusable (the files do not shrink). */
    private static void vacuum(JdbcClient jdbc) {
        jdbc.sql("VACUUM (ANALYZE)").update();
    }

    private Month measure(JdbcClient jdbc, int month, long cleaned) {
        Map<String, Long> sizes = tableSizes(jdbc);
        long runtime = 0;
        long history = 0;
        long engineOther = 0;
        long ours = 0;
        for (Map.Entry<String, Long> e : sizes.entrySet()) {
            String table = e.getKey();
            if (table.startsWith("act_ru_")) {
                runtime += e.getValue();
            } else if (table.startsWith("act_hi_")) {
                history += e.getValue();
            } else if (table.startsWith("act_")) {
                engineOther += e.getValue();
            } else {
                ours += e.getValue();
            }
        }
        long active = jdbc.sql("SELECT COUNT(*) FROM subscription WHERE subscription_no LIKE 'B%' AND status = 'ACTIVE'")
                .query(Long.class).single();
        long orders = jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE subscription_id IS NOT NULL").query(Long.class).single();
        long incidents = jdbc.sql("SELECT COUNT(*) FROM act_ru_incident").query(Long.class).single();
        return new Month(month, active, orders, runtime, history, engineOther, ours, cleaned, incidents);
    }

    /** {@code pg_total_relation_size} (heap, indexes, TOAST) of every table of the schema. */
    private static Map<String, Long> tableSizes(JdbcClient jdbc) {
        Map<String, Long> sizes = new TreeMap<>();
        jdbc.sql("""
                SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c
                JOIN pg_namespace ns ON ns.oid = c.relnamespace
                WHERE c.relkind = 'r' AND ns.nspname = current_schema()""")
                .query((rs, i) -> sizes.put(rs.getString(1), rs.getLong(2))).list();
        return sizes;
    }

    private void report(List<Month> rows, Map<String, Long> atStart, Map<String, Long> atMonth2,
                        Map<String, Long> atEnd) throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, """

                storage per active subscription: %d subscriptions, %d simulated months, history cleanup on, VACUUM monthly
                bytes are pg_total_relation_size (table + indexes + TOAST) per active subscription; "growth" is this month's
                | month | active | orders | runtime B | history B | engine other B | ours B | total B/sub | growth B/sub/month | cleaned | incidents |
                |------:|-------:|-------:|----------:|----------:|---------------:|-------:|------------:|-------------------:|--------:|----------:|
                """, k, months));
        Map<String, Object> figures = new LinkedHashMap<>();
        Month previous = null;
        long worstFromMonth3 = 0;
        for (Month m : rows) {
            long active = Math.max(1, m.active());
            long growth = previous == null ? 0 : (m.total() - previous.total()) / active;
            table.append(String.format(Locale.ROOT, "| %5d | %6d | %6d | %9d | %9d | %14d | %6d | %11d | %18s | %7d | %9d |%n",
                    m.month(), m.active(), m.orders(), m.runtime() / active, m.history() / active,
                    m.engineOther() / active, m.ours() / active, m.total() / active,
                    previous == null ? "—" : String.valueOf(growth), m.cleanedInstances(), m.incidents()));
            if (m.month() > 0) {
                String key = "storage.m" + m.month() + ".";
                figures.put(key + "totalBytesPerSub", m.total() / active);
                figures.put(key + "growthBytesPerSub", growth);
                figures.put(key + "historyBytesPerSub", m.history() / active);
            }
            if (m.month() >= 3) {
                worstFromMonth3 = Math.max(worstFromMonth3, growth);
            }
            previous = m;
        }
        table.append(String.format(Locale.ROOT,
                "target ≤ %d B per active subscription per month from month 3 on: %s (largest monthly growth %d B)%n",
                TARGET_BYTES_PER_MONTH, worstFromMonth3 <= TARGET_BYTES_PER_MONTH ? "met" : "NOT met", worstFromMonth3));
        long activeAtEnd = Math.max(1, rows.get(rows.size() - 1).active());
        int monthsFrom2 = Math.max(1, rows.size() - 1 - 2);
        table.append("largest tables at the end, and their growth per active subscription per month from month 2 on:\n");
        atEnd.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(12)
                .forEach(e -> table.append(String.format(Locale.ROOT, "  %-28s %12d B  %8d B/sub  %+7d B/sub/month%n",
                        e.getKey(), e.getValue(), e.getValue() / activeAtEnd,
                        (e.getValue() - atMonth2.getOrDefault(e.getKey(), 0L)) / activeAtEnd / monthsFrom2)));
        figures.put("storage.worstGrowthFromMonth3BytesPerSub", worstFromMonth3);
        System.out.println(table);
        BenchCompare.writeAndCompare("storage", figures, table);
        Month last = rows.get(rows.size() - 1);
        BenchSummary.row(String.format(Locale.ROOT, "storage per active subscription, %,d × %d months", k, months),
                "-Dit.test=StorageGrowthBenchmark",
                String.format(Locale.ROOT, "at start (seeded, processes waiting): %,d B/sub", rows.get(0).total() / Math.max(1, rows.get(0).active())),
                String.format(Locale.ROOT, "month %d: %,d B/sub total (history %,d); growth ≤ %,d B/sub/month from month 3",
                        last.month(), last.total() / activeAtEnd, last.history() / activeAtEnd, worstFromMonth3),
                "—", "≤ 10 KB/sub/month, flat from month 3", worstFromMonth3 <= TARGET_BYTES_PER_MONTH);
        BenchSummary.print();
    }

    private static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, "[bench %tT] ", java.time.LocalTime.now())
                + String.format(Locale.ROOT, format, args));
    }
}
