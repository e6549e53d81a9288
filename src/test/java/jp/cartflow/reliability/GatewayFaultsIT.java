package jp.cartflow.reliability;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.payment.PaymentFixtures;
import jp.cartflow.payment.PaymentMethods;
import jp.cartflow.testsupport.IntegrationTestBeans;
import jp.cartflow.testsupport.TestDatabases;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Arrays;
import java.util.Date;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gateway faults against WireMock standing in for Zeus, with the real engine and PostgreSQL (job executor off:
 * jobs run by hand). Zeus's timeouts here: connect 1 s, read 2 s. Each failure is retried with the same idempotency
 * key, logged once at WARN with the order number; after the last retry one ERROR and an incident, which an
 * operator's retry runs at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.process-engine-name=gatewayFaults",
        "cartflow.payment.zeus.connect-timeout=1s",
        "cartflow.payment.zeus.read-timeout=2s"})
@ActiveProfiles({"demo", "test"})
@Import(IntegrationTestBeans.class)
@DirtiesContext
@Tag("own-jvm")
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("Gateway faults: timeouts, 5xx, refused, late answers — retried, never charged twice")
class GatewayFaultsIT {

    private static final String OK = "{\"result\":\"OK\",\"ordd\":\"Z-FIRST\",\"status\":\"AUTH\"}";
    private static final int PORT = TestDatabases.freePort();
    private static WireMockServer gateway = started();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDatabases.registerFreshPostgresAndMailPorts(registry);
        registry.add("cartflow.payment.zeus.base-url", () -> "http://localhost:" + PORT + "/zeus");
    }

    @Autowired CreditAuthorizationService service;
    @Autowired PaymentFixtures fixtures;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(wireMockConfig().port(PORT));
        server.start();
        return server;
    }

    @AfterAll
    static void stop() {
        gateway.stop();
    }

    @BeforeEach
    void reset() {
        if (!gateway.isRunning()) {
            gateway = started();
        }
        gateway.resetAll();
        ClockUtil.reset();
    }

    private String order(long total) {
        String orderNo = TestOrders.newOrderNo();
        fixtures.order(orderNo, fixtures.member("ZEUS", "tok_zeus_ok"), PaymentMethods.ZEUS_CARD, total);
        return orderNo;
    }

    private Job authorizationJob(String orderNo) {
        String pi = service.start(orderNo, "storefront");
        return management.createJobQuery().processInstanceId(pi).singleResult();
    }

    private Job reread(Job job) {
        return management.createJobQuery().jobId(job.getId()).singleResult();
    }

    /** The retry cycle (R3/PT5M) puts the next attempt 5 minutes later: move the engine's clock there. */
    private void untilDue(Job job) {
        Date due = reread(job).getDuedate();
        if (due != null && due.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
        }
    }

    private static String key(String orderNo) {
        return "demo:" + orderNo + ":AUTHORIZE:1";
    }

    private int requests(String orderNo) {
        return gateway.findAll(postRequestedFor(urlEqualTo("/zeus/authorize"))
                .withHeader("Idempotency-Key", equalTo(key(orderNo)))).size();
    }

    private String paymentStatus(String orderNo) {
        return jdbc.sql("SELECT payment_status FROM customer_order WHERE order_no = :no").param("no", orderNo)
                .query(String.class).single();
    }

    private int approvedTransactions(String orderNo) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM payment_transaction t JOIN customer_order o ON o.id = t.order_id
                WHERE o.order_no = :no AND t.operation = 'AUTHORIZE' AND t.outcome = 'APPROVED'""")
                .param("no", orderNo).query(Integer.class).single();
    }

    /** Runs the job; a try the (freshly restarted) server does not answer in time is retried, with the same key. */
    private void executeUntilAnswered(Job job) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                untilDue(job);
                management.executeJob(job.getId());
                return;
            } catch (RuntimeException notAnswered) {
                assertThat(notAnswered).hasMessageContaining("not answered");
            }
        }
        throw new AssertionError("the gateway did not answer three times");
    }

    private static long lines(CapturedOutput output, String... parts) {
        return output.getAll().lines().filter(line -> Arrays.stream(parts).allMatch(line::contains)).count();
    }

    @Test
    @DisplayName("HTTP 503 three times → 2 WARN lines with the order number, 1 ERROR, an incident; the operator's REST retry "
            + "(PUT /engine-rest/job/{id}/retries) runs at once once the gateway is back")
    void serverErrorsBecomeAnIncidentThatAnOperatorRetries(CapturedOutput output) {
        gateway.stubFor(post("/zeus/authorize").willReturn(serverError().withStatus(503)));
        String orderNo = order(5530);
        Job job = authorizationJob(orderNo);

        for (int attempt = 1; attempt <= 3; attempt++) {
            untilDue(job);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 503");
        }

        assertThat(reread(job).getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().configuration(job.getId()).count()).isEqualTo(1);
        assertThat(lines(output, "WARN", "jp.cartflow.jobs", "order " + orderNo, "HTTP 503"))
                .as("one WARN per retried failure").isEqualTo(2);
        assertThat(lines(output, "ERROR", "INCIDENT", "order " + orderNo)).as("one ERROR, for the incident").isEqualTo(1);
        assertThat(lines(output, "ERROR", orderNo)).isEqualTo(1);
        assertThat(output.getAll()).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-14006");
        assertThat(paymentStatus(orderNo)).isEqualTo("UNPAID");

        gateway.stubFor(post("/zeus/authorize").willReturn(okJson(OK)));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> retried = rest.withBasicAuth("demo", "demo").exchange("/engine-rest/engine/gatewayFaults/job/" + job.getId()
                + "/retries", HttpMethod.PUT, new HttpEntity<>("{\"retries\":1}", headers), String.class);
        assertThat(retried.getStatusCode().value()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(job.getId()).executable().count())
                .as("due at once, not at last failure + 5 min").isEqualTo(1);

        management.executeJob(job.getId());

        assertThat(paymentStatus(orderNo)).isEqualTo("AUTHORIZED");
        assertThat(runtime.createIncidentQuery().configuration(job.getId()).count()).isZero();
        assertThat(requests(orderNo)).as("every attempt with the same key").isEqualTo(4);
        assertThat(approvedTransactions(orderNo)).isEqualTo(1);
    }

    @Test
    @DisplayName("a job whose retries are used up and that then runs successfully (executed by hand) clears its incident")
    void incidentClearsWhenTheExhaustedJobSucceeds() {
        gateway.stubFor(post("/zeus/authorize").willReturn(serverError().withStatus(503)));
        String orderNo = order(5530);
        Job job = authorizationJob(orderNo);
        for (int attempt = 1; attempt <= 3; attempt++) {
            untilDue(job);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 503");
        }
        assertThat(runtime.createIncidentQuery().configuration(job.getId()).count()).isEqualTo(1);

        gateway.stubFor(post("/zeus/authorize").willReturn(okJson(OK)));
        management.executeJob(job.getId());

        assertThat(paymentStatus(orderNo)).isEqualTo("AUTHORIZED");
        assertThat(runtime.createIncidentQuery().configuration(job.getId()).count()).as("incident resolved").isZero();
        assertThat(reread(job)).as("the job is done").isNull();
    }

    @Test
    @DisplayName("connection refused (gateway down) → retried; after it is back the same key authorizes once")
    void connectionRefused(CapturedOutput output) {
        String orderNo = order(5531);
        Job job = authorizationJob(orderNo);
        gateway.stop();

        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not answered");
        assertThat(reread(job).getRetries()).isEqualTo(2);
        assertThat(lines(output, "WARN", "order " + orderNo, "not answered")).isEqualTo(1);

        gateway = started();
        gateway.stubFor(post("/zeus/authorize").willReturn(okJson(OK)));
        // the retries left: a freshly started server may still be too slow for the first one on a loaded machine
        for (int attempt = 0; attempt < 2 && !"AUTHORIZED".equals(paymentStatus(orderNo)); attempt++) {
            untilDue(job);
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException stillStarting) {
                assertThat(stillStarting).hasMessageContaining("not answered");
            }
        }

        assertThat(paymentStatus(orderNo)).isEqualTo("AUTHORIZED");
        assertThat(requests(orderNo)).isBetween(1, 2);
        assertThat(approvedTransactions(orderNo)).isEqualTo(1);
    }

    @Test
    @DisplayName("connection reset mid-answer → a clean failure and a retry")
    void connectionReset() {
        String orderNo = order(5532);
        Job job = authorizationJob(orderNo);
        gateway.stubFor(post("/zeus/authorize").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        gateway.stubFor(post("/zeus/authorize").inScenario("reset").whenScenarioStateIs("up").willReturn(okJson(OK)));

        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not answered");
        untilDue(job);
        management.executeJob(job.getId());

        assertThat(paymentStatus(orderNo)).isEqualTo("AUTHORIZED");
        assertThat(requests(orderNo)).isEqualTo(2);
    }

    @Test
    @DisplayName("an answer just past the read timeout (2.5 s vs 2 s) fails the attempt well inside the lock time; the retry succeeds")
    void slowJustPastTheReadTimeout() {
        String orderNo = order(5533);
        Job job = authorizationJob(orderNo);
        gateway.stubFor(post("/zeus/authorize").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(OK).withFixedDelay(2500)).willSetStateTo("fast"));
        gateway.stubFor(post("/zeus/authorize").inScenario("slow").whenScenarioStateIs("fast").willReturn(okJson(OK)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not answered");
        long failedAfterMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(failedAfterMillis).as("the attempt ends at the read timeout, far below the 60 s lock")
                .isLessThan(10_000);
        assertThat(reread(job).getRetries()).isEqualTo(2);
        untilDue(job);
        management.executeJob(job.getId());

        assertThat(paymentStatus(orderNo)).isEqualTo("AUTHORIZED");
    }

    @Test
    @DisplayName("PAY-1 the gateway charged but answered after our timeout: the retry with the same idempotency key finds "
            + "that charge — one charge, one approved transaction")
    void answerAfterOurTimeoutIsFoundByTheRetry() {
        String orderNo = order(5534);
        Job job = authorizationJob(orderNo);
        // first request: the gateway charges (state → charged) but answers only after 3 s; a replay of the key
        // returns the same charge without charging again
        gateway.stubFor(post("/zeus/authorize").inScenario("late").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(OK).withFixedDelay(3000)).willSetStateTo("charged"));
        gateway.stubFor(post("/zeus/authorize").inScenario("late").whenScenarioStateIs("charged")
                .withHeader("Idempotency-Key", equalTo(key(orderNo))).willReturn(okJson(OK)));

        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not answered");
        assertThat(paymentStatus(orderNo)).isEqualTo("UNPAID");
        untilDue(job);
        management.executeJob(job.getId());

        assertThat(paymentStatus(orderNo)).isEqualTo("AUTHORIZED");
        assertThat(requests(orderNo)).as("the charge and its replay, same key").isEqualTo(2);
        assertThat(gateway.getAllScenarios().getScenarios().stream().filter(s -> s.getName().equals("late"))
                .findFirst().orElseThrow().getState()).as("charged exactly once").isEqualTo("charged");
        assertThat(approvedTransactions(orderNo)).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT gateway_ref FROM payment_transaction t JOIN customer_order o ON o.id = t.order_id
                WHERE o.order_no = :no""").param("no", orderNo).query(String.class).single()).isEqualTo("Z-FIRST");
    }

    @Test
    @DisplayName("PAY-1 SUB-6 re-authorizing a declined order: WireMock sees the decline's key once and a new key for the "
            + "new attempt, which it approves — the stored decline is not replayed")
    void reauthorizationAfterADeclineSendsANewKey() {
        String orderNo = order(5535);
        String second = "demo:" + orderNo + ":AUTHORIZE:2";
        gateway.stubFor(post("/zeus/authorize").withHeader("Idempotency-Key", equalTo(key(orderNo)))
                .willReturn(okJson("{\"result\":\"NG\",\"errCode\":\"G12\",\"errMessage\":\"カード利用不可\"}")));
        gateway.stubFor(post("/zeus/authorize").withHeader("Idempotency-Key", equalTo(second)).willReturn(okJson(OK)));
        Job first = authorizationJob(orderNo);
        executeUntilAnswered(first);
        assertThat(paymentStatus(orderNo)).isEqualTo("AUTH_DECLINED");
        int declineRequests = requests(orderNo);
        runtime.deleteProcessInstance(first.getProcessInstanceId(), "closed in Cockpit");

        executeUntilAnswered(authorizationJob(orderNo));

        assertThat(paymentStatus(orderNo)).isEqualTo("AUTHORIZED");
        assertThat(declineRequests).as("the declined attempt's key").isPositive();
        assertThat(requests(orderNo)).as("the decline's key is not sent again").isEqualTo(declineRequests);
        assertThat(gateway.findAll(postRequestedFor(urlEqualTo("/zeus/authorize"))
                .withHeader("Idempotency-Key", equalTo(second)))).as("the new attempt's key").isNotEmpty();
        assertThat(approvedTransactions(orderNo)).isEqualTo(1);
    }
}
