package jp.cartflow.reliability;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.payment.PaymentFixtures;
import jp.cartflow.payment.PaymentMethods;
import jp.cartflow.testsupport.TestDatabases;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway slower than our read timeout, two engines with job executors on one database, a short lock (8 s) that
 * still exceeds the call budget (1 s connect + 2 s read): every attempt fails at the read timeout and is retried
 * later; no attempt is ever made by the other engine while one is still waiting for the gateway, and after the
 * last retry there is one incident.
 */
@Tag("own-jvm")
@Tag("slow")
@DisplayName("Lock time vs call budget: a hanging gateway call fails into a retry, never run twice at once")
class SlowGatewayTwoEnginesIT {

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        nodes.forEach(ConfigurableApplicationContext::close);
        ClockUtil.reset();
    }

    @Test
    @DisplayName("PAY-1 gateway hangs 10 s, read timeout 2 s, lock 8 s: 3 attempts one after another, then an incident; no overlap")
    void hangingCallNeverOverlaps() throws Exception {
        TestDatabases.Database db = TestDatabases.createPostgres();
        try (GatewayStandIn gateway = new GatewayStandIn(10_000)) {
            List<String> common = new ArrayList<>(List.of(
                    "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
                    "--spring.datasource.password=" + db.password(), "--server.port=0",
                    "--camunda.bpm.job-execution.lock-time-in-millis=8000",
                    "--camunda.bpm.job-execution.wait-time-in-millis=200",
                    "--camunda.bpm.job-execution.max-wait=500",
                    "--cartflow.payment.zeus.connect-timeout=1s", "--cartflow.payment.zeus.read-timeout=2s",
                    "--cartflow.payment.sbps.connect-timeout=1s", "--cartflow.payment.sbps.read-timeout=2s",
                    "--cartflow.payment.np.connect-timeout=1s", "--cartflow.payment.np.read-timeout=2s",
                    "--cartflow.mail.smtp.connect-timeout=500ms", "--cartflow.mail.smtp.read-timeout=500ms"));
            common.addAll(gateway.arguments());
            for (String name : List.of("slowA", "slowB")) {
                List<String> args = new ArrayList<>(common);
                args.add("--camunda.bpm.process-engine-name=" + name);
                args.add("--cartflow.demo.mail.smtp-port=" + TestDatabases.freePort());
                args.add("--cartflow.demo.mail.pop3-port=" + TestDatabases.freePort());
                nodes.add(ClusterNode.start(args.toArray(String[]::new)));
            }
            ConfigurableApplicationContext a = nodes.get(0);
            PaymentFixtures fixtures = a.getBean(PaymentFixtures.class);
            String orderNo = TestOrders.newOrderNo();
            fixtures.order(orderNo, fixtures.member("ZEUS", "tok_zeus_ok"), PaymentMethods.ZEUS_CARD, 5530);
            String pi = a.getBean(CreditAuthorizationService.class).start(orderNo, "storefront");
            RuntimeService runtime = a.getBean(RuntimeService.class);
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            String key = "demo:" + orderNo + ":AUTHORIZE:1";

            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (runtime.createIncidentQuery().processInstanceId(pi).count() == 0 && Instant.now().isBefore(deadline)) {
                Integer retries = jdbc.sql("SELECT retries_ FROM act_ru_job WHERE process_instance_id_ = :pi")
                        .param("pi", pi).query(Integer.class).optional().orElse(null);
                java.sql.Timestamp due = jdbc.sql("SELECT duedate_ FROM act_ru_job WHERE process_instance_id_ = :pi")
                        .param("pi", pi).query(java.sql.Timestamp.class).optional().orElse(null);
                if (retries != null && retries > 0 && due != null && due.after(ClockUtil.getCurrentTime())) {
                    // the retry cycle put the next attempt 5 minutes later: move the engines' clock there
                    ClockUtil.offset(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()
                            + due.getTime() - ClockUtil.getCurrentTime().getTime() + 500);
                }
                Thread.sleep(100);
            }

            List<LoggedRequest> attempts = new ArrayList<>(gateway.server.findAll(postRequestedFor(
                    urlPathMatching("/zeus/authorize")).withHeader(GatewayStandIn.KEY, equalTo(key))));
            attempts.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
            assertThat(runtime.createIncidentQuery().processInstanceId(pi).count()).as("incident after R3").isEqualTo(1);
            assertThat(attempts).as("one request per attempt, never a second engine's copy").hasSize(3);
            for (int i = 1; i < attempts.size(); i++) {
                long gap = attempts.get(i).getLoggedDate().getTime() - attempts.get(i - 1).getLoggedDate().getTime();
                // WireMock stamps a request when it has read it; the client's 2 s run from its own send
                assertThat(gap).as("attempt %d comes after attempt %d gave up at its read timeout", i + 1, i)
                        .isGreaterThanOrEqualTo(1000);
            }
            assertThat(jdbc.sql("SELECT payment_status FROM customer_order WHERE order_no = :no").param("no", orderNo)
                    .query(String.class).single()).isEqualTo("UNPAID");
        }
    }
}
