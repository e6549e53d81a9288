package jp.cartflow.subscription;

import jp.cartflow.subscription.SubscriptionLifecycleProcess.Var;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static jp.cartflow.subscription.SubscriptionLifecycleProcess.END_GENERATION_DISCARDED;
import static jp.cartflow.subscription.SubscriptionLifecycleProcess.END_SUBSCRIPTION_ENDED;
import static jp.cartflow.subscription.SubscriptionLifecycleProcess.END_SUBSCRIPTION_TERMINATED;
import static jp.cartflow.subscription.SubscriptionLifecycleProcess.TASK_GENERATE_ORDER;
import static jp.cartflow.subscription.SubscriptionLifecycleProcess.TIMER_GENERATION_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/** The subscription lifecycle with the real engine and PostgreSQL; job executor off, timers fired by element id. */
class SubscriptionLifecycleProcessIT extends PostgresIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired SubscriptionChanges service;
    @Autowired SubscriptionQueries queries;
    @Autowired SubscriptionGeneration generation;
    @Autowired TestSubscriptions testSubscriptions;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        init(engine);
        testSubscriptions.defaultSettings();
        clock.set(tokyo(2026, 11, 20, 10));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        testSubscriptions.defaultSettings();
    }

    private static Instant tokyo(int y, int m, int d, int h) {
        return ZonedDateTime.of(y, m, d, h, 0, 0, 0, TOKYO).toInstant();
    }

    private ProcessInstance instance(String subscriptionNo) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(subscriptionNo)
                .processDefinitionKey(SubscriptionLifecycleProcess.KEY).singleResult();
    }

    private Job timer(ProcessInstance pi) {
        return management.createJobQuery().processInstanceId(pi.getId()).activityId(TIMER_GENERATION_DUE).singleResult();
    }

    /** Moves both clocks to the armed generation time and fires the timer by id (its job generates the order). */
    private void generateNext(ProcessInstance pi) {
        Job timer = timer(pi);
        assertThat(timer).as("timer waiting").isNotNull();
        clock.set(timer.getDuedate().toInstant());
        management.executeJob(timer.getId());
    }

    private List<Map<String, Object>> generatedOrders(String no) {
        return jdbc.sql("""
                SELECT o.delivery_index, o.ordered_at, o.total, o.memo, o.next_delivery_date, s.delivery_date,
                       (SELECT MIN(unit_price) FROM order_line l WHERE l.order_id = o.id AND l.product_code = 'CF-COFFEE-200') AS coffee
                FROM customer_order o JOIN shipment s ON s.order_id = o.id
                WHERE o.subscription_no = :no AND o.delivery_index > 1 ORDER BY o.delivery_index""")
                .param("no", no).query().listOfRows();
    }

    @Test
    @DisplayName("SUB-4 SUB-7 SUB-8 SUB-10 SUB-22 SUB-23 SUB-32 SUB-33 12 generations of a monthly subscription (shop paused): "
            + "12 orders with the right dates and prices, subscription number, one address, no mail")
    void twelveGenerations() {
        jdbc.sql("UPDATE shop SET paused = TRUE WHERE code = 'demo'").update();
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        ProcessInstance pi = instance(created.subscriptionNo());
        assertThat(pi).isWaitingAt(TIMER_GENERATION_DUE);
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(tokyo(2026, 12, 18, 5)));
        assertThat(runtime.getVariables(pi.getId())).containsOnlyKeys(Var.SUBSCRIPTION_ID, Var.NEXT_GENERATION_AT);

        for (int i = 0; i < 12; i++) {
            generateNext(pi);
        }

        List<Map<String, Object>> orders = generatedOrders(created.subscriptionNo());
        assertThat(orders).hasSize(12);
        LocalDate delivery = LocalDate.of(2026, 12, 25);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> o = orders.get(i);
            assertThat(((Number) o.get("delivery_index")).intValue()).isEqualTo(i + 2);
            assertThat(o.get("delivery_date").toString()).isEqualTo(delivery.toString());
            assertThat(((Number) o.get("coffee")).longValue()).as("repeat price").isEqualTo(1458);
            assertThat(((Number) o.get("total")).longValue()).isEqualTo(1458 * 2 + 972 + 880 + 330);
            assertThat(o.get("memo")).isEqualTo("置き配希望");
            assertThat(o.get("next_delivery_date").toString()).isEqualTo(delivery.plusMonths(1).toString());
            delivery = delivery.plusMonths(1);
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM mail_outbox m JOIN customer_order o ON o.id = m.order_id
                WHERE o.subscription_no = :no AND o.delivery_index > 1""").param("no", created.subscriptionNo())
                .query(Integer.class).single()).as("SUB-4 no mail for generated orders").isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM customer_order o WHERE o.subscription_no = :no AND o.delivery_index > 1
                  AND o.next_delivery_schedule IS NOT NULL
                  AND (SELECT COUNT(*) FROM shipment s WHERE s.order_id = o.id) = 1""")
                .param("no", created.subscriptionNo()).query(Integer.class).single())
                .as("SUB-23 SUB-33 numbered and scheduled, SUB-32 one delivery address each").isEqualTo(12);
        assertThat(pi).isWaitingAt(TIMER_GENERATION_DUE);
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(tokyo(2027, 12, 18, 5)));
        // what Cockpit keeps: every delivery's generation in the activity history, the armed time as a runtime
        // variable; the technical variable nextGenerationAt writes no history rows, the ids do
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_GENERATE_ORDER).count()).isEqualTo(12);
        assertThat(runtime.getVariable(pi.getId(), Var.NEXT_GENERATION_AT)).isEqualTo(Date.from(tokyo(2027, 12, 18, 5)));
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(Var.NEXT_GENERATION_AT).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(Var.SUBSCRIPTION_ID).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("SUB-9 generated orders do not decrement stock by default; the shop option decrements it (never below 0)")
    void stock() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        ProcessInstance pi = instance(created.subscriptionNo());
        jdbc.sql("UPDATE product SET stock = 0 WHERE product_code = 'CF-TEA-100'").update();
        int coffee = stock("CF-COFFEE-200");
        generateNext(pi);
        assertThat(stock("CF-COFFEE-200")).isEqualTo(coffee);
        assertThat(testSubscriptions.generatedOrders(created.subscriptionNo())).as("created even at stock 0").isEqualTo(1);
        jdbc.sql("UPDATE subscription_setting SET decrement_stock_on_generation = TRUE WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')").update();
        generateNext(pi);
        assertThat(stock("CF-COFFEE-200")).isEqualTo(coffee - 2);
        assertThat(stock("CF-TEA-100")).isZero();
        jdbc.sql("UPDATE product SET stock = 80 WHERE product_code = 'CF-TEA-100'").update();
        jdbc.sql("UPDATE product SET stock = :s WHERE product_code = 'CF-COFFEE-200'").param("s", coffee).update();
        // SUB-15: the list shows the last generation and its delivery date
        SubscriptionView view = queries.view(created.subscriptionNo());
        assertThat(view.lastDeliveryDate()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(view.lastGeneratedAt()).isEqualTo(tokyo(2027, 1, 18, 5));
        assertThat(view.nextDeliveryDate()).isEqualTo(LocalDate.of(2027, 2, 25));
    }

    private int stock(String code) {
        return jdbc.sql("SELECT stock FROM product WHERE product_code = :code").param("code", code)
                .query(Integer.class).single();
    }

    @Test
    @DisplayName("SUB-20 a skipped delivery makes no order and does not count; the next one is delivery 2")
    void skip() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        ProcessInstance pi = instance(created.subscriptionNo());
        service.skip(created.subscriptionNo(), true, "operator");
        generateNext(pi);
        assertThat(testSubscriptions.generatedOrders(created.subscriptionNo())).isZero();
        SubscriptionView view = queries.view(created.subscriptionNo());
        assertThat(view.nextDeliveryDate()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(view.nextDeliverySkipped()).isFalse();
        assertThat(view.deliveriesGenerated()).isEqualTo(1);
        generateNext(pi);
        assertThat(generatedOrders(created.subscriptionNo())).singleElement()
                .satisfies(o -> assertThat(((Number) o.get("delivery_index")).intValue()).isEqualTo(2));
    }

    @Test
    @DisplayName("SUB-24 terminate while the timer waits: the loop ends, no timer is left, nothing more is generated")
    void terminateWhileWaiting() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        ProcessInstance pi = instance(created.subscriptionNo());
        service.terminate(created.subscriptionNo(), "お客様のご希望", "operator");
        assertThat(pi).isEnded().hasPassed(END_SUBSCRIPTION_TERMINATED);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(queries.view(created.subscriptionNo()).status()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("SUB-24 a generation whose subscription was terminated meanwhile does nothing")
    void terminatedBeforeGenerationJobRan() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        ProcessInstance pi = instance(created.subscriptionNo());
        Job timer = timer(pi);
        clock.set(timer.getDuedate().toInstant());
        // terminated in the database while the timer job was already due (e.g. committed by another node just
        // before its termination message could reach this instance): the generation must see it and do nothing
        jdbc.sql("UPDATE subscription SET status = 'CANCELLED', ended_at = CURRENT_TIMESTAMP WHERE subscription_no = :no")
                .param("no", created.subscriptionNo()).update();
        management.executeJob(timer.getId());
        assertThat(pi).isEnded().hasPassed(TASK_GENERATE_ORDER, END_SUBSCRIPTION_ENDED);
        assertThat(testSubscriptions.generatedOrders(created.subscriptionNo())).isZero();
    }

    @Test
    @DisplayName("SUB-16 a cycle change re-arms the waiting timer without generating")
    void cycleChangeRearms() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        ProcessInstance pi = instance(created.subscriptionNo());
        service.changeDelivery(created.subscriptionNo(), new SubscriptionCommands.CycleInput(
                jp.cartflow.subscription.domain.DeliveryCycle.Kind.MONTHLY, 10, null), null, null, false, "operator");
        assertThat(pi).isWaitingAt(TIMER_GENERATION_DUE);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(tokyo(2026, 12, 3, 5)));
        generateNext(pi);
        assertThat(generatedOrders(created.subscriptionNo())).singleElement()
                .satisfies(o -> assertThat(o.get("delivery_date").toString()).isEqualTo("2026-12-10"));
    }

    @Test
    @DisplayName("SUB-4 exactly once: a duplicated generation job finds the slot processed and creates no second order")
    void duplicatedJob() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        ProcessInstance pi = instance(created.subscriptionNo());
        Date slot = (Date) runtime.getVariable(pi.getId(), Var.NEXT_GENERATION_AT);
        generateNext(pi);
        assertThat(testSubscriptions.generatedOrders(created.subscriptionNo())).isEqualTo(1);

        // the same job once more, as a second executor would run it
        assertThat(generation.generate(testSubscriptions.id(created.subscriptionNo()), slot.toInstant()).result())
                .isEqualTo(SubscriptionGeneration.Result.DUPLICATE);
        // and a duplicated token in the engine
        runtime.createProcessInstanceModification(pi.getId()).startBeforeActivity(TASK_GENERATE_ORDER)
                .setVariableLocal(Var.NEXT_GENERATION_AT, slot).execute();

        assertThat(testSubscriptions.generatedOrders(created.subscriptionNo())).isEqualTo(1);
        assertThat(pi).hasPassed(END_GENERATION_DISCARDED).isWaitingAt(TIMER_GENERATION_DUE);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("SUB-19 SUB-24 a count-limited item leaves at its count; no item left ends the subscription and the process")
    void autoEnd() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, 2);
        long id = testSubscriptions.id(created.subscriptionNo());
        ProcessInstance pi = instance(created.subscriptionNo());
        generateNext(pi);
        // tea (limit 2) is done: only coffee is left; then remove coffee's limit by ending it through a limit of 3
        jdbc.sql("UPDATE subscription_item SET max_deliveries = 3 WHERE subscription_id = :id AND product_code = 'CF-COFFEE-200'")
                .param("id", id).update();
        SubscriptionView view = queries.view(created.subscriptionNo());
        assertThat(view.items()).filteredOn(SubscriptionView.Item::removed).extracting(SubscriptionView.Item::productCode)
                .containsExactly("CF-TEA-100");
        generateNext(pi);
        assertThat(pi).isEnded().hasPassed(END_SUBSCRIPTION_ENDED);
        assertThat(queries.view(created.subscriptionNo()).status()).isEqualTo("ENDED");
        List<Map<String, Object>> orders = generatedOrders(created.subscriptionNo());
        assertThat(orders).hasSize(2);
        assertThat(orders.get(1).get("next_delivery_date")).as("last delivery has no next").isNull();
    }

    @Test
    @DisplayName("SUB-5 SUB-6 with authorization on, the card order calls CreditAuthorizationProcess (test stub) and a pending authorization does not stall the next generation")
    void authorizationBranchDoesNotStall() {
        String deployment = repository.createDeployment().name("TEST ONLY: CreditAuthorizationProcess stub")
                .addClasspathResource("test-processes/CreditAuthorizationProcess.test-stub.bpmn").deploy().getId();
        try {
            jdbc.sql("UPDATE subscription_setting SET authorize_at_generation = TRUE WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')").update();
            SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                    PaymentMethodCode.SBPS_CARD, null);
            ProcessInstance pi = instance(created.subscriptionNo());
            generateNext(pi);
            Job call = management.createJobQuery().processInstanceId(pi.getId())
                    .activityId(SubscriptionLifecycleProcess.CALL_AUTHORIZE_CREDIT).singleResult();
            management.executeJob(call.getId());
            String orderNo = created.subscriptionNo() + "-002";
            ProcessInstance authorization = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(SubscriptionLifecycleProcess.CREDIT_AUTHORIZATION_PROCESS)
                    .processInstanceBusinessKey(orderNo).singleResult();
            assertThat(authorization).isWaitingAt("Task_StubOperatorPending");
            assertThat(runtime.getVariables(authorization.getId())).containsEntry("orderNo", orderNo).containsKey("orderId");
            // the authorization waits for an operator; the subscription goes on
            assertThat(pi).isWaitingAt(TIMER_GENERATION_DUE, SubscriptionLifecycleProcess.CALL_AUTHORIZE_CREDIT);
            generateNext(pi);
            assertThat(testSubscriptions.generatedOrders(created.subscriptionNo())).isEqualTo(2);
            Job secondCall = management.createJobQuery().processInstanceId(pi.getId())
                    .activityId(SubscriptionLifecycleProcess.CALL_AUTHORIZE_CREDIT).executable().singleResult();
            management.executeJob(secondCall.getId());
            assertThat(runtime.createProcessInstanceQuery()
                    .processDefinitionKey(SubscriptionLifecycleProcess.CREDIT_AUTHORIZATION_PROCESS)
                    .processInstanceBusinessKey(created.subscriptionNo() + "-003").count())
                    .as("second order authorized with its own order no").isEqualTo(1);
            // SUB-24: terminating ends the loop only; the two generated orders keep their authorization branches
            service.terminate(created.subscriptionNo(), null, "operator");
            assertThat(pi).isNotEnded().hasPassed(SubscriptionLifecycleProcess.END_SUBSCRIPTION_TERMINATED);
            assertThat(timer(pi)).as("no generation timer after termination").isNull();
            assertThat(runtime.createProcessInstanceQuery()
                    .processDefinitionKey(SubscriptionLifecycleProcess.CREDIT_AUTHORIZATION_PROCESS)
                    .processInstanceBusinessKey(orderNo).singleResult()).as("pending authorization not cancelled")
                    .isNotNull();
            assertThat(management.createJobQuery().processInstanceId(pi.getId())
                    .activityId(SubscriptionLifecycleProcess.CALL_AUTHORIZE_CREDIT).count()).isZero();
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    @DisplayName("SUB-4 SUB-16 SUB-24 an instance still on version 1 (event-based gateway) keeps generating, re-arming and "
            + "ending after version 2 is deployed")
    void versionOneInstancesKeepRunning() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        String no = created.subscriptionNo();
        runtime.deleteProcessInstance(instance(no).getId(), "TEST: replaced by a version 1 instance");
        org.camunda.bpm.engine.repository.Deployment v1 = repository.createDeployment()
                .name("TEST ONLY: SubscriptionLifecycleProcess version 1")
                .addClasspathResource("test-processes/SubscriptionLifecycleProcess.version-1.bpmn").deploy();
        try {
            String v1Definition = repository.createProcessDefinitionQuery().deploymentId(v1.getId()).singleResult().getId();
            ProcessInstance pi = runtime.startProcessInstanceById(v1Definition, no,
                    Map.of(Var.SUBSCRIPTION_ID, testSubscriptions.id(no)));
            assertThat(pi).isWaitingAt("Gateway_WaitForGeneration");

            generateNext(pi);
            assertThat(testSubscriptions.generatedOrders(no)).isEqualTo(1);
            assertThat(timer(pi).getDuedate()).isEqualTo(Date.from(tokyo(2027, 1, 18, 5)));

            service.changeDelivery(no, new SubscriptionCommands.CycleInput(
                    jp.cartflow.subscription.domain.DeliveryCycle.Kind.MONTHLY, 10, null), null, null, false, "operator");
            assertThat(timer(pi).getDuedate()).as("re-armed by the same message").isEqualTo(Date.from(tokyo(2027, 1, 3, 5)));

            service.terminate(no, "お客様のご希望", "operator");
            assertThat(pi).isEnded().hasPassed(END_SUBSCRIPTION_TERMINATED);
        } finally {
            repository.deleteDeployment(v1.getId(), true);
        }
    }
}
