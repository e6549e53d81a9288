package jp.cartflow.payment;

import jp.cartflow.order.OrderRepository;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayOperation;
import jp.cartflow.payment.gateway.GatewaySimulator;
import jp.cartflow.testsupport.CommitFailure;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static jp.cartflow.payment.CreditAuthorizationProcess.END_AUTHORIZED;
import static jp.cartflow.payment.CreditAuthorizationProcess.END_METHOD_SWITCHED;
import static jp.cartflow.payment.CreditAuthorizationProcess.END_NOT_NEEDED;
import static jp.cartflow.payment.CreditAuthorizationProcess.END_ORDER_CANCELLED;
import static jp.cartflow.payment.CreditAuthorizationProcess.GATEWAY_AWAIT_SCREENING;
import static jp.cartflow.payment.CreditAuthorizationProcess.TASK_AUTHORIZE_CREDIT;
import static jp.cartflow.payment.CreditAuthorizationProcess.TASK_CANCEL_ORDER;
import static jp.cartflow.payment.CreditAuthorizationProcess.TASK_PREPARE_RETRY;
import static jp.cartflow.payment.CreditAuthorizationProcess.TASK_QUERY_SCREENING_RESULT;
import static jp.cartflow.payment.CreditAuthorizationProcess.TASK_RECORD_SCREENING_RESULT;
import static jp.cartflow.payment.CreditAuthorizationProcess.TASK_RESOLVE_AUTHORIZATION_ERROR;
import static jp.cartflow.payment.CreditAuthorizationProcess.TASK_SWITCH_PAYMENT_METHOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of CreditAuthorizationProcess with the real engine, database and the gateway simulator over
 * HTTP; the job executor is off and jobs run by hand.
 */
class CreditAuthorizationProcessIT extends PostgresIntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired PaymentAuthorizations authorizations;
    @Autowired CreditAuthorizationService service;
    @Autowired PaymentFixtures fixtures;
    @Autowired OrderRepository orders;
    @Autowired GatewaySimulator simulator;
    @Autowired CommitFailure commitFailure;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void tearDown() {
        commitFailure.disarm();
        fixtures.setAuthRetryEnabled(false);
        engine.getIdentityService().clearAuthentication();
    }

    private ProcessInstance instance(String id) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private ProcessInstance started(String orderNo) {
        return instance(service.start(orderNo, "storefront"));
    }

    private ProcessInstance startedAndRun(String orderNo) {
        ProcessInstance pi = started(orderNo);
        Jobs.runAll(management, pi.getId());
        return pi;
    }

    private void assertDecidedByOperator(long orderId, String eventType) {
        assertThat(orders.events(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(eventType);
            assertThat(e.actor()).isEqualTo("operator");
        });
    }

    private long zeusOrder(String orderNo, String token, long total) {
        return fixtures.order(orderNo, fixtures.member("ZEUS", token), PaymentMethods.ZEUS_CARD, total);
    }

    private void completeAsOperator(ProcessInstance pi, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        engine.getIdentityService().setAuthentication("operator", List.of("operators"));
        try {
            tasks.claim(task.getId(), "operator");
            tasks.complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static String key(String orderNo, int attempt) {
        return "demo:" + orderNo + ":AUTHORIZE:" + attempt;
    }

    @Test
    @DisplayName("SUB-5 PAY-1 Zeus card approved: one charge at the gateway, the result recorded on the order")
    void approved() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_zeus_ok", 5530);
        ProcessInstance pi = started(orderNo);
        assertThat(pi.getBusinessKey()).isEqualTo(orderNo);
        assertThat(pi).isWaitingAt(TASK_AUTHORIZE_CREDIT);
        assertThat(fixtures.paymentStatus(orderId)).as("nothing before the save point commits").isEqualTo("UNPAID");

        Jobs.runAll(management, pi.getId());

        assertThat(pi).isEnded().hasPassed(END_AUTHORIZED);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTHORIZED");
        assertThat(fixtures.transactionCount(orderId, "AUTHORIZE", "APPROVED")).isEqualTo(1);
        assertThat(simulator.charges(key(orderNo, 1))).isEqualTo(1);
        assertThat(simulator.statusOf(Gateway.ZEUS, orderNo)).isEqualTo("AUTH");
        assertThat(orders.events(orderId)).extracting(OrderRepository.OrderEvent::type).contains("PAYMENT_AUTHORIZED");
    }

    @Test
    @DisplayName("the process contract: started on its own for an order paid by 代金引換 → no authorization needed")
    void notRequired() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = fixtures.order(orderNo, "sato", PaymentMethods.COD, 5530);
        ProcessInstance pi = instance(authorizations.startAuthorization(orderId));
        Jobs.runAll(management, pi.getId());

        assertThat(pi).isEnded().hasPassed(END_NOT_NEEDED).hasNotPassed(TASK_RESOLVE_AUTHORIZATION_ERROR);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("UNPAID");
    }

    @Test
    @DisplayName("SUB-6 declined → operator switches to 代金引換 (SUB-17 options of the carrier); no automatic re-payment")
    void declinedSwitchToCashOnDelivery() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_decline", 5530);
        ProcessInstance pi = startedAndRun(orderNo);

        assertThat(pi).isWaitingAt(TASK_RESOLVE_AUTHORIZATION_ERROR);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult()).hasCandidateGroup("operators");
        assertThat(pi).variables().containsEntry("amountText", "5,530円")
                .containsEntry("authorizationOutcome", "DECLINED").containsKey("paymentMethodOptions");
        assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), "declineReason")).contains("G12");
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTH_DECLINED");
        String options = engine.getRuntimeService().getVariableTyped(pi.getId(), "paymentMethodOptions", false)
                .getValue().toString();
        assertThat(options).contains("\"COD\"", "\"SBPS_CARD\"", "\"NP_DEFERRED\"").doesNotContain("\"ZEUS_CARD\"");
        assertThat(simulator.calls(key(orderNo, 1))).as("SUB-6 the gateway was asked once, no automatic retry").isEqualTo(1);

        assertThatThrownBy(() -> completeAsOperator(pi, Map.of("operatorDecision", "SWITCH_METHOD",
                "newPaymentMethod", "BOGUS"))).hasMessageContaining("変更先の支払方法を選んでください");
        assertThat(pi).isWaitingAt(TASK_RESOLVE_AUTHORIZATION_ERROR);

        completeAsOperator(pi, Map.of("operatorDecision", "SWITCH_METHOD", "newPaymentMethod", "COD"));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_SWITCH_PAYMENT_METHOD, END_METHOD_SWITCHED);
        Map<String, Object> row = fixtures.paymentRow(orderId);
        assertThat(row).containsEntry("payment_method_code", "COD").containsEntry("payment_status", "UNPAID");
        assertDecidedByOperator(orderId, "PAYMENT_METHOD_SWITCHED");
    }

    @Test
    @DisplayName("SUB-6 SUB-27 declined → switch to another card without a card on file is refused; to NP → authorized again")
    void declinedSwitchToNpReauthorizes() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_decline", 4800);
        ProcessInstance pi = startedAndRun(orderNo);

        assertThatThrownBy(() -> completeAsOperator(pi, Map.of("operatorDecision", "SWITCH_METHOD",
                "newPaymentMethod", "SBPS_CARD"))).hasMessageContaining("カード登録が必要です");

        completeAsOperator(pi, Map.of("operatorDecision", "SWITCH_METHOD", "newPaymentMethod", "NP_DEFERRED"));
        assertThat(pi).isWaitingAt(TASK_AUTHORIZE_CREDIT);
        Jobs.runAll(management, pi.getId());

        assertThat(pi).isEnded().hasPassed(END_AUTHORIZED);
        assertThat(fixtures.paymentRow(orderId)).containsEntry("payment_method_code", "NP_DEFERRED")
                .containsEntry("payment_status", "AUTHORIZED");
        assertThat(simulator.charges(key(orderNo, 2))).as("a new idempotency key for the new method").isEqualTo(1);
    }

    @Test
    @DisplayName("SUB-6 declined → operator cancels the order; the audit shows who decided")
    void declinedCancel() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_decline", 5530);
        ProcessInstance pi = startedAndRun(orderNo);

        completeAsOperator(pi, Map.of("operatorDecision", "CANCEL_ORDER"));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_CANCEL_ORDER, END_ORDER_CANCELLED);
        assertThat(fixtures.paymentRow(orderId)).containsEntry("status", "CANCELLED");
        assertDecidedByOperator(orderId, "ORDER_CANCELLED");
    }

    @Test
    @DisplayName("SUB-6 beyond: 'retry now' is refused unless the shop enables retries; enabled → a new attempt, new key")
    void retryNow() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_decline", 5530);
        ProcessInstance pi = startedAndRun(orderNo);

        assertThatThrownBy(() -> completeAsOperator(pi, Map.of("operatorDecision", "RETRY_NOW")))
                .hasMessageContaining("再与信はショップ設定で許可されていません");
        assertThat(pi).isWaitingAt(TASK_RESOLVE_AUTHORIZATION_ERROR);

        fixtures.setAuthRetryEnabled(true);
        completeAsOperator(pi, Map.of("operatorDecision", "RETRY_NOW"));
        assertThat(pi).isWaitingAt(TASK_AUTHORIZE_CREDIT);
        Jobs.runAll(management, pi.getId());

        assertThat(pi).hasPassed(TASK_PREPARE_RETRY).isWaitingAt(TASK_RESOLVE_AUTHORIZATION_ERROR);
        assertThat(simulator.calls(key(orderNo, 1))).isEqualTo(1);
        assertThat(simulator.calls(key(orderNo, 2))).isEqualTo(1);
        assertThat(fixtures.transactionCount(orderId, "AUTHORIZE", "DECLINED")).isEqualTo(2);
    }

    @Test
    @DisplayName("PAY-3 NP screening pending → the result message arrives (approved) → recorded on the order")
    void npPendingThenMessageApproved() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = fixtures.order(orderNo, "sato", PaymentMethods.NP_DEFERRED, 3202);
        ProcessInstance pi = startedAndRun(orderNo);

        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_SCREENING);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTH_PENDING");

        service.deliverScreeningResult(orderNo, true, null);

        assertThat(pi).isEnded().hasPassedInOrder(TASK_RECORD_SCREENING_RESULT, END_AUTHORIZED)
                .hasNotPassed(TASK_QUERY_SCREENING_RESULT);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTHORIZED");
    }

    @Test
    @DisplayName("PAY-3 NP pending → poll: still under review (wait again) → screening rejected → operator task")
    void npPendingThenPollDeclined() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = fixtures.order(orderNo, "sato", PaymentMethods.NP_DEFERRED, 3202);
        ProcessInstance pi = startedAndRun(orderNo);

        firePollTimer(pi);
        assertThat(pi).hasPassed(TASK_QUERY_SCREENING_RESULT)
                .isWaitingAt(GATEWAY_AWAIT_SCREENING);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTH_PENDING");

        simulator.changeStatus(Gateway.NP, orderNo, "REJECTED");
        firePollTimer(pi);

        assertThat(pi).isWaitingAt(TASK_RESOLVE_AUTHORIZATION_ERROR);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTH_DECLINED");
        completeAsOperator(pi, Map.of("operatorDecision", "SWITCH_METHOD", "newPaymentMethod", "COD"));
        assertThat(pi).isEnded().hasPassed(END_METHOD_SWITCHED);
    }

    private void firePollTimer(ProcessInstance pi) {
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        management.executeJob(timer.getId());
        Jobs.runAll(management, pi.getId());
    }

    @Test
    @DisplayName("technical failure (gateway HTTP 500) → retried R3 → incident in Cockpit, the order untouched")
    void technicalFailureBecomesIncident() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_zeus_ok", 5500);
        ProcessInstance pi = started(orderNo);
        int eventsBefore = orders.events(orderId).size();

        int attempts = 0;
        while (true) {
            Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
            if (job.getRetries() == 0) {
                break;
            }
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 500");
            attempts++;
            assertThat(attempts).isLessThanOrEqualTo(4);
        }

        assertThat(attempts).as("R3/PT5M: three attempts").isEqualTo(3);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt(TASK_AUTHORIZE_CREDIT);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("UNPAID");
        assertThat(orders.events(orderId)).hasSize(eventsBefore);
        assertThat(service.transactions(orderId)).isEmpty();
        assertThat(simulator.calls(key(orderNo, 1))).as("every retry with the same key").isEqualTo(3);
    }

    @Test
    @DisplayName("PAY-1 charged once: the HTTP call succeeds, the transaction fails before commit, the job runs again → "
            + "same key twice at the gateway, one charge, one authorization on the order")
    void chargedOnce() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_zeus_ok", 7452);
        ProcessInstance pi = started(orderNo);
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();

        commitFailure.armFor(GatewayOperation.AUTHORIZE);
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated crash");
        assertThat(simulator.calls(key(orderNo, 1))).isEqualTo(1);
        assertThat(fixtures.paymentStatus(orderId)).as("rolled back").isEqualTo("UNPAID");
        assertThat(service.transactions(orderId)).as("rolled back").isEmpty();

        management.executeJob(job.getId());

        assertThat(pi).isEnded().hasPassed(END_AUTHORIZED);
        assertThat(simulator.calls(key(orderNo, 1))).isEqualTo(2);
        assertThat(simulator.charges(key(orderNo, 1))).isEqualTo(1);
        assertThat(fixtures.transactionCount(orderId, "AUTHORIZE", "APPROVED")).isEqualTo(1);
        assertThat(service.transactions(orderId)).hasSize(1);
        assertThat(orders.events(orderId)).filteredOn(e -> e.type().equals("PAYMENT_AUTHORIZED")).hasSize(1);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTHORIZED");
    }

    @Test
    @DisplayName("PAY-1 SUB-6 re-authorizing a declined order (a new process, asked for over REST) reaches the gateway "
            + "with a new idempotency key and is approved; the decline's key is not sent again")
    void reauthorizationAfterDeclineGetsItsOwnKey() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_decline", 5530);
        ProcessInstance first = startedAndRun(orderNo);
        assertThat(first).isWaitingAt(TASK_RESOLVE_AUTHORIZATION_ERROR);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTH_DECLINED");
        // the operator closes the first attempt in Cockpit; the customer registers a working card
        engine.getRuntimeService().deleteProcessInstance(first.getId(), "closed in Cockpit");
        jdbc.sql("UPDATE member_card SET card_token = 'tok_zeus_ok' WHERE member_id = (SELECT member_id FROM "
                + "customer_order WHERE id = :id)").param("id", orderId).update();

        org.springframework.http.ResponseEntity<Map> started = rest.withBasicAuth("operator", "operator")
                .postForEntity("/api/orders/" + orderNo + "/payment/authorizations", null, Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        ProcessInstance second = instance((String) started.getBody().get("processInstanceId"));
        Jobs.runAll(management, second.getId());

        assertThat(second).isEnded().hasPassed(END_AUTHORIZED);
        assertThat(fixtures.paymentStatus(orderId)).isEqualTo("AUTHORIZED");
        assertThat(simulator.calls(key(orderNo, 1))).as("the declined attempt's key: sent once, never replayed").isEqualTo(1);
        assertThat(simulator.calls(key(orderNo, 2))).as("the new attempt reached the gateway with its own key").isEqualTo(1);
        assertThat(simulator.charges(key(orderNo, 2))).isEqualTo(1);
        assertThat(service.transactions(orderId)).extracting(PaymentTransactions.Recorded::idempotencyKey)
                .containsExactly(key(orderNo, 1), key(orderNo, 2));
        assertThat(service.transactions(orderId)).extracting(PaymentTransactions.Recorded::outcome)
                .containsExactly("DECLINED", "APPROVED");
    }

    @Test
    @DisplayName("PAY-1 a declined attempt that crashed before commit is retried with the same key (the gateway replays "
            + "its answer); the operator's retry after the recorded answer is a new attempt with the next key")
    void retriesOfOneAttemptKeepTheKey() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = zeusOrder(orderNo, "tok_decline", 6530);
        ProcessInstance pi = started(orderNo);
        Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();

        commitFailure.armFor(GatewayOperation.AUTHORIZE);
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated crash");
        management.executeJob(job.getId());

        assertThat(pi).isWaitingAt(TASK_RESOLVE_AUTHORIZATION_ERROR);
        assertThat(simulator.calls(key(orderNo, 1))).as("the crashed try and its retry: one key").isEqualTo(2);
        assertThat(simulator.calls(key(orderNo, 2))).isZero();
        assertThat(fixtures.transactionCount(orderId, "AUTHORIZE", "DECLINED")).isEqualTo(1);

        fixtures.setAuthRetryEnabled(true);
        completeAsOperator(pi, Map.of("operatorDecision", "RETRY_NOW"));
        Jobs.runAll(management, pi.getId());
        assertThat(simulator.calls(key(orderNo, 2))).as("the operator's retry is a new attempt").isEqualTo(1);
    }
}
