package jp.cartflow.reliability;

import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.payment.PaymentFixtures;
import jp.cartflow.payment.PaymentMethods;
import jp.cartflow.testsupport.TestDatabases;
import jp.cartflow.testsupport.TestOrders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM of a node (context close) in the middle of work: the job executor stops acquiring, the jobs already
 * running finish (their gateway calls are answered and committed), and the jobs it had acquired but not started are
 * unlocked at once, so another node — or this one restarted — takes them without waiting for the lock time.
 */
@Tag("own-jvm")
@Tag("slow")
@DisplayName("Graceful shutdown: running jobs finish, acquired-but-unstarted jobs are unlocked")
class GracefulShutdownIT {

    private static final int ORDERS = 12;

    @Test
    @DisplayName("close mid-burst: every started authorization completes, nothing stays locked, within the shutdown bound")
    void closeMidBurst() throws Exception {
        TestDatabases.Database db = TestDatabases.createPostgres();
        try (GatewayStandIn gateway = new GatewayStandIn(1500)) {
            List<String> args = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                    "--spring.datasource.password=" + db.password(), "--server.port=0",
                    "--camunda.bpm.process-engine-name=graceful",
                    "--camunda.bpm.job-execution.core-pool-size=2", "--camunda.bpm.job-execution.max-pool-size=2",
                    "--camunda.bpm.job-execution.queue-capacity=2", "--camunda.bpm.job-execution.max-jobs-per-acquisition=4",
                    "--camunda.bpm.job-execution.wait-time-in-millis=200", "--cartflow.engine.shutdown-wait=10s",
                    "--cartflow.demo.mail.smtp-port=" + TestDatabases.freePort(),
                    "--cartflow.demo.mail.pop3-port=" + TestDatabases.freePort()));
            args.addAll(gateway.arguments());
            ConfigurableApplicationContext node = ClusterNode.start(args.toArray(String[]::new));
            String owner = ClusterNode.lockOwner(node);
            PaymentFixtures fixtures = node.getBean(PaymentFixtures.class);
            CreditAuthorizationService service = node.getBean(CreditAuthorizationService.class);
            for (int i = 0; i < ORDERS; i++) {
                String orderNo = TestOrders.newOrderNo();
                fixtures.order(orderNo, fixtures.member("ZEUS", "tok_zeus_ok"), PaymentMethods.ZEUS_CARD, 5530 + i);
                service.start(orderNo, "storefront");
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (gateway.requestsPerKey().size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()));
            long lockedBefore = jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ = :o").param("o", owner)
                    .query(Long.class).single();

            long started = System.nanoTime();
            node.close();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            long calls = gateway.requestsPerKey().size();
            long authorized = jdbc.sql("""
                    SELECT COUNT(*) FROM customer_order WHERE payment_method_code = 'ZEUS_CARD' AND payment_status = 'AUTHORIZED'""")
                    .query(Long.class).single();
            long stillLocked = jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL").query(Long.class)
                    .single();
            long waiting = jdbc.sql("""
                    SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NULL AND retries_ = 3
                    AND process_def_key_ = 'CreditAuthorizationProcess' AND type_ = 'message'""").query(Long.class).single();
            System.out.printf("graceful shutdown: %d jobs locked before, closed in %d ms, %d gateway calls, %d authorized, "
                    + "%d unlocked and waiting, %d still locked%n", lockedBefore, took.toMillis(), calls, authorized,
                    waiting, stillLocked);

            assertThat(lockedBefore).as("the executor held more jobs than it was running").isGreaterThan(2);
            assertThat(authorized).as("every call that was made finished and committed").isEqualTo(calls);
            assertThat(stillLocked).as("acquired-but-unstarted jobs unlocked").isZero();
            assertThat(waiting).as("the rest wait for any node, untouched").isEqualTo(ORDERS - authorized);
            assertThat(took).as("within the shutdown bound").isLessThan(Duration.ofSeconds(15));
            assertThat(gateway.requestsPerKey().values()).as("no call twice").allMatch(c -> c == 1);
        }
    }
}
