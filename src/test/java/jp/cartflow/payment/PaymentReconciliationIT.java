package jp.cartflow.payment;

import jp.cartflow.order.OrderRepository;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewaySimulator;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.END_ALL_MATCHED;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.END_MISMATCHES_RESOLVED;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.KEY;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.START_TIMER;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.TASK_ADOPT_GATEWAY_STATUS;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.TASK_COMPARE_GATEWAY_STATUSES;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.TASK_CONFIRM_GATEWAY_MISMATCH;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.TASK_REPORT_TO_SUPPORT;
import static jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.TASK_UNLINK_GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * PaymentStatusReconciliationProcess end to end (PAY-2): orders authorized through the simulator, statuses changed
 * "in the gateway's admin screen" over the simulator's HTTP admin endpoint, a run started over REST, and each
 * operator choice.
 */
class PaymentReconciliationIT extends PostgresIntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired CreditAuthorizationService authorizations;
    @Autowired PaymentFixtures fixtures;
    @Autowired OrderRepository orders;
    @Autowired GatewaySimulator simulator;
    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void clearAuthentication() {
        engine.getIdentityService().clearAuthentication();
    }

    private long authorizedOrder(String orderNo, String gateway, String method) {
        long orderId = fixtures.order(orderNo, fixtures.member(gateway, "tok_" + gateway.toLowerCase() + "_ok"), method, 6480);
        Jobs.runAll(management, authorizations.start(orderNo, "storefront"));
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTHORIZED");
        return orderId;
    }

    private void changeAtGateway(String gateway, String orderNo, String status) {
        changeAtGatewayTo(gateway, orderNo, "{\"status\":\"" + status + "\"}");
    }

    private void changeAtGatewayTo(String gateway, String orderNo, String json) {
        // the simulator's back door is for the administrator only (issue 9)
        ResponseEntity<String> response = rest.withBasicAuth("demo", "demo").postForEntity("/simulator/" + gateway + "/admin/orders/" + orderNo + "/status",
                new HttpEntity<>(json, jsonHeaders()), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private ProcessInstance runViaRest() {
        ResponseEntity<Map> response = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/payment/reconciliation-runs", null, Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(202);
        String id = (String) response.getBody().get("processInstanceId");
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(pi).isWaitingAt(TASK_COMPARE_GATEWAY_STATUSES);
        Jobs.runAll(management, id);
        return pi;
    }

    private Task taskFor(ProcessInstance pi, String orderNo) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).list().stream()
                .filter(t -> orderNo.equals(runtime.getVariableLocal(t.getExecutionId(), "orderNo"))).findFirst()
                .orElse(null);
    }

    private void decide(Task task, String user, String group, String decision) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), Map.of("mismatchDecision", decision));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * Mismatches of orders other tests left behind (e.g. demo order D-100002, unknown to the simulator): unlinked,
     * or adopted where Zeus still holds an open authorization (no unlink then, PAY-2).
     */
    private void unlinkAllOtherThan(ProcessInstance pi, Set<String> mine) {
        for (Task task : tasks.createTaskQuery().processInstanceId(pi.getId()).list()) {
            if (!mine.contains((String) runtime.getVariableLocal(task.getExecutionId(), "orderNo"))) {
                try {
                    decide(task, "operator", "operators", "UNLINK");
                } catch (jp.cartflow.platform.errors.DomainException stillAuthorizedAtZeus) {
                    decide(task, "operator", "operators", "ADOPT_GATEWAY_STATUS");
                }
            }
        }
    }

    @Test
    @DisplayName("the run is scheduled by a timer start event (cycle from paymentSettings, default nightly 02:00 JST)")
    void timerScheduled() {
        Job timer = management.createJobQuery().timers().activityId(START_TIMER).singleResult();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(java.time.ZoneId.of("Asia/Tokyo")).getHour()).isEqualTo(2);
    }

    @Test
    @DisplayName("PAY-2 all statuses match → the run ends, nothing is blocked")
    void allMatch() {
        ProcessInstance backlog = runViaRest();
        unlinkAllOtherThan(backlog, Set.of());
        String orderNo = TestOrders.newOrderNo();
        long orderId = authorizedOrder(orderNo, "ZEUS", PaymentMethods.ZEUS_CARD);

        ProcessInstance pi = runViaRest();

        assertThat(pi).isEnded().hasPassed(END_ALL_MATCHED).hasNotPassed(TASK_CONFIRM_GATEWAY_MISMATCH);
        assertThat(fixtures.blocked(orderId)).isFalse();
        assertThat(orders.events(orderId)).extracting(OrderRepository.OrderEvent::type)
                .doesNotContain("GATEWAY_MISMATCH_FOUND");
    }

    @Test
    @DisplayName("PAY-2 statuses changed behind our back are found, nothing else is touched; unlink / adopt / report "
            + "resolve as chosen and the audit shows who decided")
    void endToEnd() {
        String unlinkNo = TestOrders.newOrderNo();
        String adoptNo = TestOrders.newOrderNo();
        String reportNo = TestOrders.newOrderNo();
        String untouchedNo = TestOrders.newOrderNo();
        String sbpsNo = TestOrders.newOrderNo();
        long unlinkId = authorizedOrder(unlinkNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        long adoptId = authorizedOrder(adoptNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        long reportId = authorizedOrder(reportNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        long untouchedId = authorizedOrder(untouchedNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        long sbpsId = authorizedOrder(sbpsNo, "SBPS", PaymentMethods.SBPS_CARD);
        int untouchedEvents = orders.events(untouchedId).size();

        changeAtGateway("zeus", unlinkNo, "SALES");
        changeAtGateway("zeus", adoptNo, "CANCEL");
        changeAtGateway("zeus", reportNo, "SALES");

        ProcessInstance pi = runViaRest();

        assertThat(pi).isWaitingAt(TASK_CONFIRM_GATEWAY_MISMATCH);
        assertThat(taskFor(pi, unlinkNo)).isNotNull();
        assertThat(taskFor(pi, adoptNo)).isNotNull();
        assertThat(taskFor(pi, reportNo)).isNotNull();
        assertThat(taskFor(pi, untouchedNo)).as("a matching order gets no task").isNull();
        assertThat(taskFor(pi, sbpsNo)).isNull();
        assertThat(taskFor(pi, unlinkNo)).hasCandidateGroup("operators");
        assertThat(runtime.getVariablesLocal(taskFor(pi, unlinkNo).getExecutionId()))
                .containsEntry("gatewayName", "ゼウス").containsEntry("gatewayStatus", "実売上済み (SALES)")
                .containsEntry("ourStatus", "与信済み");
        assertThat(List.of(unlinkId, adoptId, reportId)).allMatch(fixtures::blocked);
        assertThat(fixtures.blocked(untouchedId)).isFalse();
        assertThat(fixtures.blocked(sbpsId)).isFalse();

        ResponseEntity<List> open = rest.withBasicAuth("operator", "operator").getForEntity("/api/payment/mismatches", List.class);
        assertThat(open.getBody()).extracting(m -> ((Map<?, ?>) m).get("orderNo")).contains(unlinkNo, adoptNo, reportNo)
                .doesNotContain(untouchedNo, sbpsNo);
        ResponseEntity<Map> blockedCapture = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/orders/" + reportNo + "/payment/capture", null, Map.class);
        assertThat(blockedCapture.getStatusCode().value()).as("PAY-2 card operations refused while blocked").isEqualTo(409);

        decide(taskFor(pi, unlinkNo), "operator", "operators", "UNLINK");
        decide(taskFor(pi, adoptNo), "demo", "camunda-admin", "ADOPT_GATEWAY_STATUS");
        decide(taskFor(pi, reportNo), "operator", "operators", "REPORT_TO_SUPPORT");
        unlinkAllOtherThan(pi, Set.of());

        assertThat(pi).isEnded().hasPassed(TASK_UNLINK_GATEWAY, TASK_ADOPT_GATEWAY_STATUS, TASK_REPORT_TO_SUPPORT,
                END_MISMATCHES_RESOLVED);

        // unlink: 未決済 with no further status changes; the shop memo records the Zeus-side state
        Map<String, Object> unlinked = fixtures.paymentRow(unlinkId);
        assertThat(unlinked).containsEntry("payment_status", "UNLINKED").containsEntry("gateway_blocked", false);
        assertThat((String) unlinked.get("shop_memo")).contains("ゼウス上は実売上済み (SALES)");
        assertThat(orders.events(unlinkId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("GATEWAY_UNLINKED");
            assertThat(e.actor()).isEqualTo("operator");
        });
        ResponseEntity<Map> afterUnlink = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/orders/" + unlinkNo + "/payment/capture", null, Map.class);
        assertThat(afterUnlink.getStatusCode().value()).as("UNLINKED: no further status changes").isEqualTo(409);

        // adopt: our status becomes the gateway's
        assertThat(fixtures.paymentRow(adoptId)).containsEntry("payment_status", "CANCELLED")
                .containsEntry("gateway_blocked", false);
        assertThat(orders.events(adoptId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("GATEWAY_STATUS_ADOPTED");
            assertThat(e.actor()).isEqualTo("demo");
        });

        // report: support gets the order number and the gateway status; the order stays blocked
        assertThat(fixtures.paymentRow(reportId)).containsEntry("payment_status", "AUTHORIZED")
                .containsEntry("gateway_blocked", true);
        Map<String, Object> mail = jdbc.sql("SELECT kind, to_address, subject, body FROM mail_outbox WHERE order_id = :id")
                .param("id", reportId).query().singleRow();
        assertThat(mail).containsEntry("kind", "NOTICE").containsEntry("to_address", "support@demo.cartflow.test");
        assertThat((String) mail.get("body")).contains(reportNo, "SALES");
        // 検知日時 is Tokyo wall-clock time to the minute, not a raw ISO timestamp
        java.time.Instant detectedAt = jdbc.sql("SELECT detected_at FROM payment_mismatch WHERE order_id = :id")
                .param("id", reportId).query(java.time.OffsetDateTime.class).single().toInstant();
        assertThat((String) mail.get("body")).contains("検知日時: " + java.time.format.DateTimeFormatter
                .ofPattern("yyyy/MM/dd HH:mm").format(detectedAt.atZone(java.time.ZoneId.of("Asia/Tokyo"))) + "\n");
        assertThat(orders.events(reportId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("GATEWAY_MISMATCH_REPORTED");
            assertThat(e.actor()).isEqualTo("operator");
        });
        Map<String, Object> decided = jdbc.sql("SELECT decision, decided_by, resolved_at FROM payment_mismatch "
                + "WHERE order_id = :id").param("id", reportId).query().singleRow();
        assertThat(decided).containsEntry("decision", "REPORT_TO_SUPPORT").containsEntry("decided_by", "operator");
        assertThat(decided.get("resolved_at")).isNull();
        ResponseEntity<List> stillOpen = rest.withBasicAuth("operator", "operator").getForEntity("/api/payment/mismatches", List.class);
        assertThat(stillOpen.getBody()).extracting(m -> ((Map<?, ?>) m).get("orderNo")).contains(reportNo)
                .doesNotContain(unlinkNo, adoptNo);

        // nothing else touched
        assertThat(fixtures.paymentRow(untouchedId)).containsEntry("payment_status", "AUTHORIZED")
                .containsEntry("gateway_blocked", false);
        assertThat(orders.events(untouchedId)).hasSize(untouchedEvents);
        assertThat(fixtures.paymentStatus(sbpsId)).isEqualTo("AUTHORIZED");
        assertThat(simulator.statusOf(Gateway.ZEUS, untouchedNo)).isEqualTo("AUTH");
        ResponseEntity<Map> capture = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/orders/" + untouchedNo + "/payment/capture", null, Map.class);
        assertThat(capture.getStatusCode().value()).isEqualTo(200);
        assertThat(capture.getBody()).containsEntry("paymentStatus", "CAPTURED");
    }

    private Map<String, Object> formOf(ProcessInstance pi, String orderNo) {
        return runtime.getVariablesLocal(taskFor(pi, orderNo).getExecutionId());
    }

    private long mismatchIdOf(long orderId) {
        return jdbc.sql("SELECT MAX(id) FROM payment_mismatch WHERE order_id = :id").param("id", orderId)
                .query(Long.class).single();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> release(String user, Object mismatchId, String json) {
        return rest.withBasicAuth(user, user).postForEntity("/api/payment/mismatches/" + mismatchId + "/release",
                json == null ? new HttpEntity<>(jsonHeaders()) : new HttpEntity<>(json, jsonHeaders()), Map.class);
    }

    @SuppressWarnings("rawtypes")
    private static void assertProblem(ResponseEntity<Map> response, int status, String field, String rule) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.getBody()).containsEntry("field", field);
        }
        if (rule != null) {
            assertThat(response.getBody()).containsEntry("rule", rule);
        }
    }

    @Test
    @DisplayName("PAY-2 beyond AUTHORIZED/CAPTURED: cancelled at SBPS only, amount changed at Zeus, cancelled here but "
            + "authorized at Zeus, declined here but authorized at Zeus — each found with the gateway's name; an "
            + "authorization still in progress is left to its own process")
    void divergencesBeyondHeldMoney() {
        unlinkAllOtherThan(runViaRest(), Set.of());
        String sbpsCancelledNo = TestOrders.newOrderNo();
        String amountNo = TestOrders.newOrderNo();
        String cancelledHereNo = TestOrders.newOrderNo();
        String declinedHereNo = TestOrders.newOrderNo();
        String inProgressNo = TestOrders.newOrderNo();
        long sbpsCancelledId = authorizedOrder(sbpsCancelledNo, "SBPS", PaymentMethods.SBPS_CARD);
        long amountId = authorizedOrder(amountNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        long cancelledHereId = authorizedOrder(cancelledHereNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        assertThat(rest.withBasicAuth("operator", "operator").postForEntity("/api/orders/" + cancelledHereNo
                + "/payment/cancel", null, Map.class).getBody()).containsEntry("paymentStatus", "CANCELLED");
        long declinedHereId = fixtures.order(declinedHereNo, fixtures.member("ZEUS", "tok_decline"),
                PaymentMethods.ZEUS_CARD, 5530);
        ProcessInstance declined = runtime.createProcessInstanceQuery()
                .processInstanceId(authorizations.start(declinedHereNo, "storefront")).singleResult();
        Jobs.runAll(management, declined.getId());
        Task resolve = tasks.createTaskQuery().processInstanceId(declined.getId()).singleResult();
        engine.getIdentityService().setAuthentication("operator", List.of("operators"));
        try {
            tasks.claim(resolve.getId(), "operator");
            tasks.complete(resolve.getId(), Map.of("operatorDecision", "CANCEL_ORDER"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        long inProgressId = fixtures.order(inProgressNo, fixtures.member("ZEUS", "tok_decline"), PaymentMethods.ZEUS_CARD, 5530);
        Jobs.runAll(management, authorizations.start(inProgressNo, "storefront"));

        changeAtGateway("sbps", sbpsCancelledNo, "CANCELLED");
        changeAtGatewayTo("zeus", amountNo, "{\"amount\":4980}");
        changeAtGateway("zeus", cancelledHereNo, "AUTH");
        changeAtGateway("zeus", declinedHereNo, "AUTH");
        changeAtGateway("zeus", inProgressNo, "AUTH");

        ProcessInstance pi = runViaRest();

        assertThat(formOf(pi, sbpsCancelledNo)).containsEntry("gatewayCode", "SBPS")
                .containsEntry("gatewayName", "SBペイメントサービス").containsEntry("difference", "状態")
                .containsEntry("gatewayStatus", "取消済み (CANCELLED)").containsEntry("ourStatus", "与信済み");
        assertThat(formOf(pi, amountNo)).containsEntry("gatewayCode", "ZEUS").containsEntry("gatewayName", "ゼウス")
                .containsEntry("difference", "金額").containsEntry("gatewayStatus", "与信済み (AUTH) 4,980円")
                .containsEntry("ourStatus", "与信済み 6,480円");
        assertThat(formOf(pi, cancelledHereNo)).containsEntry("gatewayStatus", "与信済み (AUTH)")
                .containsEntry("ourStatus", "取消済み");
        assertThat(formOf(pi, declinedHereNo)).containsEntry("gatewayStatus", "与信済み (AUTH)")
                .containsEntry("ourStatus", "与信NG");
        assertThat(taskFor(pi, inProgressNo)).as("its authorization process waits for an operator").isNull();
        assertThat(List.of(sbpsCancelledId, amountId, cancelledHereId, declinedHereId)).allMatch(fixtures::blocked);
        assertThat(fixtures.blocked(inProgressId)).isFalse();
        assertThat(jdbc.sql("SELECT kind, our_amount, gateway_amount FROM payment_mismatch WHERE id = :id")
                .param("id", mismatchIdOf(amountId)).query().singleRow())
                .containsEntry("kind", "AMOUNT").containsEntry("our_amount", 6480L).containsEntry("gateway_amount", 4980L);

        // SBPS: no Zeus precondition — unlinked at once
        decide(taskFor(pi, sbpsCancelledNo), "operator", "operators", "UNLINK");
        assertThat(fixtures.paymentRow(sbpsCancelledId)).containsEntry("payment_status", "UNLINKED");
        assertThat((String) fixtures.paymentRow(sbpsCancelledId).get("shop_memo"))
                .contains("SBペイメントサービス上は取消済み (CANCELLED)");

        // Zeus still holds an authorization: unlinking waits until the Zeus side is 実売上
        Task cancelledHere = taskFor(pi, cancelledHereNo);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decide(cancelledHere, "operator", "operators", "UNLINK"))
                .hasMessageContaining("先にゼウス管理画面でこの注文").hasMessageContaining("実売上");
        assertThat(fixtures.paymentRow(cancelledHereId)).containsEntry("payment_status", "CANCELLED")
                .containsEntry("gateway_blocked", true);
        changeAtGateway("zeus", cancelledHereNo, "SALES");
        decide(cancelledHere, "operator", "operators", "UNLINK");
        assertThat((String) fixtures.paymentRow(cancelledHereId).get("shop_memo")).contains("ゼウス上は実売上済み (SALES)");

        // amount adopted: the next capture asks for the gateway's amount
        decide(taskFor(pi, amountNo), "operator", "operators", "ADOPT_GATEWAY_STATUS");
        assertThat(fixtures.paymentRow(amountId)).containsEntry("payment_status", "AUTHORIZED")
                .containsEntry("gateway_blocked", false);
        ResponseEntity<Map> capture = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/orders/" + amountNo + "/payment/capture", null, Map.class);
        assertThat(capture.getBody()).containsEntry("paymentStatus", "CAPTURED");
        assertThat(jdbc.sql("SELECT amount FROM payment_transaction WHERE order_id = :id AND operation = 'CAPTURE'")
                .param("id", amountId).query(Long.class).single()).isEqualTo(4980L);

        // declined here, authorized there: adopted → 与信済み
        decide(taskFor(pi, declinedHereNo), "operator", "operators", "ADOPT_GATEWAY_STATUS");
        assertThat(fixtures.paymentStatus(declinedHereId)).isEqualTo("AUTHORIZED");
        unlinkAllOtherThan(pi, Set.of());
        assertThat(pi).isEnded();
    }

    @Test
    @DisplayName("PAY-2 a case reported to support is released over REST once settled: bad input, a case not reported "
            + "and a second release are refused (problem+json, rule PAY-2), nothing written; the release is audited and "
            + "the order takes the gateway's settled state")
    void releaseAfterSupportSettled() {
        String reportNo = TestOrders.newOrderNo();
        String undecidedNo = TestOrders.newOrderNo();
        long reportId = authorizedOrder(reportNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        long undecidedId = authorizedOrder(undecidedNo, "ZEUS", PaymentMethods.ZEUS_CARD);
        changeAtGateway("zeus", reportNo, "SALES");
        changeAtGateway("zeus", undecidedNo, "CANCEL");
        ProcessInstance pi = runViaRest();
        decide(taskFor(pi, reportNo), "operator", "operators", "REPORT_TO_SUPPORT");
        long reported = mismatchIdOf(reportId);
        long undecided = mismatchIdOf(undecidedId);
        int eventsBefore = orders.events(reportId).size();
        String reason = "{\"reason\":\"サポート回答 #2026-1201: 管理画面の誤操作。ゼウス側を与信済みに戻した\"}";

        assertProblem(release("operator", reported, "{\"reason\":\"  \"}"), 400, "reason", null);
        assertProblem(release("operator", reported, "{}"), 400, "reason", null);
        assertProblem(release("operator", reported, null), 400, null, null);
        assertProblem(release("operator", reported, "{\"reason\":\"" + "x".repeat(1001) + "\"}"), 400, "reason", null);
        assertProblem(release("operator", "abc", reason), 400, "mismatchId", null);
        assertProblem(release("operator", 99_999_999, reason), 404, "mismatchId", null);
        assertProblem(release("operator", undecided, reason), 409, "mismatchId", "PAY-2");
        assertProblem(release("storefront", reported, reason), 403, null, null);
        assertThat(rest.postForEntity("/api/payment/mismatches/" + reported + "/release", new HttpEntity<>(reason,
                jsonHeaders()), Map.class).getStatusCode().value()).as("no login").isEqualTo(401);
        assertThat(fixtures.blocked(reportId)).as("nothing written").isTrue();
        assertThat(orders.events(reportId)).hasSize(eventsBefore);

        // support put the Zeus side back to 与信済み
        changeAtGateway("zeus", reportNo, "AUTH");
        ResponseEntity<Map> released = release("operator", reported, reason);

        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(released.getBody()).containsEntry("orderNo", reportNo).containsEntry("paymentStatus", "AUTHORIZED")
                .containsEntry("gatewayStatus", "AUTH").containsEntry("releasedBy", "operator");
        assertThat(fixtures.paymentRow(reportId)).containsEntry("payment_status", "AUTHORIZED")
                .containsEntry("gateway_blocked", false);
        assertThat((String) fixtures.paymentRow(reportId).get("shop_memo")).contains("サポート対応済みとして停止を解除",
                "サポート回答 #2026-1201", "(operator)");
        Map<String, Object> row = jdbc.sql("SELECT decision, released_by, released_at, release_reason, released_status, "
                + "resolved_at FROM payment_mismatch WHERE id = :id").param("id", reported).query().singleRow();
        assertThat(row).containsEntry("decision", "REPORT_TO_SUPPORT").containsEntry("released_by", "operator")
                .containsEntry("released_status", "AUTHORIZED");
        assertThat((String) row.get("release_reason")).startsWith("サポート回答 #2026-1201");
        assertThat(row.get("released_at")).isNotNull().isEqualTo(row.get("resolved_at"));
        assertThat(orders.events(reportId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("GATEWAY_MISMATCH_RELEASED");
            assertThat(e.actor()).isEqualTo("operator");
            assertThat(e.detail()).contains("サポート回答 #2026-1201", "与信済み → 与信済み");
        });
        ResponseEntity<List> open = rest.withBasicAuth("operator", "operator").getForEntity("/api/payment/mismatches", List.class);
        assertThat(open.getBody()).extracting(m -> ((Map<?, ?>) m).get("orderNo")).doesNotContain(reportNo);
        assertProblem(release("operator", reported, reason), 409, "mismatchId", "PAY-2");
        ResponseEntity<Map> capture = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/orders/" + reportNo + "/payment/capture", null, Map.class);
        assertThat(capture.getStatusCode().value()).as("card operations work again").isEqualTo(200);

        unlinkAllOtherThan(pi, Set.of());
        assertProblem(release("operator", undecided, reason), 409, "mismatchId", "PAY-2");
    }
}
