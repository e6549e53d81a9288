package jp.cartflow.reliability;

import jp.cartflow.subscription.SubscriptionCheckout;
import jp.cartflow.subscription.TestSubscriptions;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * History rows of subscriptions over 12 simulated monthly cycles, with the history cleanup run every night
 * (docs/operations.md, "History"). A subscription's process instance runs for its whole life, and the engine
 * removes a process's history only once it has ended (plus its time-to-live), so its rows grow by a fixed number
 * per delivery — the test measures that number and holds it, so a model change that multiplies history shows up.
 */
@DisplayName("History over 12 monthly cycles: a fixed number of rows per subscription and delivery")
class HistoryGrowthIT extends PostgresIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int SUBSCRIPTIONS = 10;
    private static final int CYCLES = 12;
    /** Rows per subscription and delivery measured with audit-without-gateways history (see the test output). */
    private static final double MAX_ROWS_PER_DELIVERY = 4;

    @Autowired TestSubscriptions testSubscriptions;
    @Autowired MutableClock clock;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    @DisplayName("SUB-4 12 deliveries each for 10 subscriptions, cleanup nightly: history rows grow linearly, ≤ 4 per delivery")
    void twelveMonthlyCycles() {
        testSubscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2027, 1, 10, 10, 0, 0, 0, TOKYO).toInstant());
        List<String> processes = new ArrayList<>();
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2027, 1, 25),
                    PaymentMethodCode.COD, null);
            processes.add(created.processInstanceId());
        }
        long start = rows(processes);
        List<Long> perCycle = new ArrayList<>();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            // 05:00 on the 18th: generation for the delivery of the 25th (lead time 7 days); cleanup the night before
            ZonedDateTime generation = ZonedDateTime.of(2027, 1, 18, 5, 0, 1, 0, TOKYO).plusMonths(cycle);
            clock.set(generation.withHour(2).toInstant());
            runHistoryCleanup();
            clock.set(generation.toInstant());
            for (String pi : processes) {
                Jobs.runAll(management, pi);
            }
            perCycle.add(rows(processes));
        }
        long generated = jdbc.sql("SELECT COUNT(*) FROM customer_order o JOIN subscription s ON s.id = o.subscription_id "
                        + "WHERE o.delivery_index > 1 AND s.id IN (SELECT id FROM subscription ORDER BY id DESC LIMIT :n)")
                .param("n", SUBSCRIPTIONS).query(Long.class).single();
        double perDelivery = (perCycle.get(CYCLES - 1) - start) / (double) (SUBSCRIPTIONS * CYCLES);
        System.out.printf("history rows of %d subscriptions: at start %d, after each cycle %s; %.1f rows per subscription "
                + "and delivery%n", SUBSCRIPTIONS, start, perCycle, perDelivery);

        assertThat(generated).as("one order per subscription and cycle").isEqualTo((long) SUBSCRIPTIONS * CYCLES);
        assertThat(perDelivery).isLessThanOrEqualTo(MAX_ROWS_PER_DELIVERY);
        long firstGrowth = perCycle.get(0) - start;
        long lastGrowth = perCycle.get(CYCLES - 1) - perCycle.get(CYCLES - 2);
        assertThat(lastGrowth).as("the 12th delivery adds no more history than the 1st (linear, not accelerating)")
                .isLessThanOrEqualTo(firstGrowth);
    }

    private void runHistoryCleanup() {
        Job cleanup = history.cleanUpHistoryAsync(true);
        for (int round = 0; round < 5 && cleanup != null; round++) {
            management.executeJob(cleanup.getId());
            cleanup = management.createJobQuery().jobId(cleanup.getId()).singleResult();
            if (cleanup == null || cleanup.getDuedate() == null || cleanup.getDuedate().after(new java.util.Date(
                    clock.instant().toEpochMilli()))) {
                break;
            }
        }
    }

    private long rows(List<String> processes) {
        long total = 0;
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_varinst", "act_hi_detail",
                "act_hi_job_log", "act_hi_incident", "act_hi_identitylink")) {
            total += jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE root_proc_inst_id_ IN (:pis)")
                    .param("pis", processes).query(Long.class).single();
        }
        return total;
    }
}
