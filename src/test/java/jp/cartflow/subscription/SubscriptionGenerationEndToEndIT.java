package jp.cartflow.subscription;

import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.testsupport.IntegrationTestBeans;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 subscriptions due at once, with the job executor ON and its own PostgreSQL database and engine: every
 * due delivery becomes exactly one order, and generation sends no mail (SUB-4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.process-engine-name=subscriptionE2E",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=10",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"})
@ActiveProfiles({"demo", "test"})
@Import(IntegrationTestBeans.class)
@DirtiesContext
@Tag("own-jvm")
@DisplayName("SUB-4 end to end: 200 subscriptions due → 200 orders, no duplicates, no mail")
class SubscriptionGenerationEndToEndIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int SUBSCRIPTIONS = 200;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.registerFreshPostgresAndMailPorts(registry);
    }

    @Autowired TestSubscriptions testSubscriptions;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private int generated() {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE subscription_id IS NOT NULL AND delivery_index > 1")
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("SUB-4 200 due subscriptions → 200 orders, one per subscription and delivery, no mail for generation")
    void twoHundredDue() throws Exception {
        testSubscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, TOKYO).toInstant());
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            testSubscriptions.create(i % 2 == 0 ? "yamada" : "sato", 25, LocalDate.of(2026, 11, 25),
                    PaymentMethodCode.COD, null);
        }
        int outboxBefore = jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single();
        assertThat(generated()).isZero();

        clock.set(ZonedDateTime.of(2026, 12, 18, 5, 0, 1, 0, TOKYO).toInstant());

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (generated() < SUBSCRIPTIONS && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
            Thread.sleep(100);
        }
        assertThat(generated()).isEqualTo(SUBSCRIPTIONS);
        // every subscription has waited at its next timer again (January), so nothing else can be generated
        Instant settle = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("SELECT COUNT(*) FROM subscription WHERE next_delivery_date = DATE '2027-01-25'")
                .query(Integer.class).single() < SUBSCRIPTIONS && Instant.now().isBefore(settle)) {
            Thread.sleep(100);
        }
        assertThat(generated()).isEqualTo(SUBSCRIPTIONS);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT subscription_id FROM customer_order WHERE delivery_index = 2
                GROUP BY subscription_id HAVING COUNT(*) = 1) x""").query(Integer.class).single())
                .as("one order per subscription for delivery 2").isEqualTo(SUBSCRIPTIONS);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM shipment s JOIN customer_order o ON o.id = s.order_id
                WHERE o.delivery_index = 2 AND s.delivery_date = DATE '2026-12-25'""").query(Integer.class).single())
                .isEqualTo(SUBSCRIPTIONS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single())
                .as("SUB-4 generation queues no mail").isEqualTo(outboxBefore);
    }
}
