package jp.cartflow.shipping;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.SmtpOutage;
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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static jp.cartflow.shipping.ShippingNotificationProcess.END_NOTIFIED;
import static jp.cartflow.shipping.ShippingNotificationProcess.END_WITHHELD;
import static jp.cartflow.shipping.ShippingNotificationProcess.TASK_CHECK_RECIPIENT_BOUNCE;
import static jp.cartflow.shipping.ShippingNotificationProcess.TASK_CONFIRM_BOUNCED_RECIPIENT;
import static jp.cartflow.shipping.ShippingNotificationProcess.TASK_QUEUE_SHIPPING_MAIL;
import static jp.cartflow.shipping.ShippingNotificationProcess.TASK_RECORD_MAIL_WITHHELD;
import static jp.cartflow.shipping.ShippingNotificationProcess.TASK_RECORD_SHIPMENT;
import static jp.cartflow.shipping.ShippingNotificationProcess.TASK_REGISTER_TRACKING_NUMBER;
import static jp.cartflow.shipping.ShippingNotificationProcess.TASK_SEND_SHIPPING_MAIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of the shipping-notification process with the real engine, the real database and a real SMTP
 * server; the job executor is off and jobs run by hand.
 */
class ShippingNotificationProcessIT extends PostgresIntegrationTest {

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ShipmentService shipments;
    @Autowired TestOrders testOrders;
    @Autowired OrderRepository orders;
    @Autowired GreenMail mailServer;
    @Autowired SmtpOutage smtp;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() throws Exception {
        init(engine);
        mailServer.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void smtpBack() {
        smtp.end();
    }

    private ProcessInstance instance(String id) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private ProcessInstance registered(String orderNo) {
        String id = shipments.register(orderNo, new ShipmentService.Registration("yamato", List.of("123456789012"),
                LocalDate.of(2026, 11, 20), null, false), "storefront").processInstanceId();
        return instance(id);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    @DisplayName("registered shipment, clean address: the mail is queued, sent by its own job, and recorded on the order")
    void sentPath() throws Exception {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "yamato");
        ProcessInstance pi = registered(orderNo);

        assertThat(pi).isWaitingAt(TASK_SEND_SHIPPING_MAIL);
        assertThat(pi).hasPassedInOrder(TASK_CHECK_RECIPIENT_BOUNCE, TASK_QUEUE_SHIPPING_MAIL);
        assertThat(pi).hasNotPassed(TASK_REGISTER_TRACKING_NUMBER, TASK_CONFIRM_BOUNCED_RECIPIENT);
        assertThat(pi).variables().containsEntry("recipientBounced", false).containsKey("outboxId");
        assertThat(mailServer.getReceivedMessages()).isEmpty();

        Jobs.runAll(management, pi.getId());

        assertThat(pi).isEnded().hasPassed(END_NOTIFIED);
        assertThat(mailsTo("yamada@demo.cartflow.test")).hasSize(1);
        assertThat(orders.get(orderId).shippingMailSentAt()).isNotNull();
        assertThat(orders.events(orderId)).extracting(OrderRepository.OrderEvent::type)
                .contains("SHIPMENT_REGISTERED", "SHIPPING_MAIL_QUEUED", "MAIL_SENT");
    }

    @Test
    @DisplayName("BNC-2 bounce-flagged address → operator sends anyway → the mail goes out and BNC-3 clears the flag")
    void bouncedOperatorSends() throws Exception {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "suzuki", "japanpost");
        String email = orders.get(orderId).email();
        assertThat(testOrders.bounceFlagged(email)).as("demo data flags suzuki's address").isTrue();

        ProcessInstance pi = shipmentFor(orderNo, "japanpost", "12345678901");
        assertThat(pi).isWaitingAt(TASK_CONFIRM_BOUNCED_RECIPIENT);
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task).hasCandidateGroup("operators");
        assertThat(pi).variables().containsEntry("recipientEmail", email)
                .containsEntry("bounceSummary", "ハード バウンス 1 回 (最終: 2026年11月21日 8:07) — smtp; 550 5.1.1 "
                        + "<bounce-me@demo.cartflow.test>: Recipient address rejected: User unknown");
        assertThat(testOrders.outboxCount(orderId)).as("nothing queued before the operator decides").isZero();

        engine.getIdentityService().setAuthentication("operator", List.of("operators"));
        try {
            tasks.claim(task.getId(), "operator");
            tasks.complete(task.getId(), Map.of("bounceDecision", "SEND"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        Jobs.runAll(management, pi.getId());

        assertThat(pi).isEnded().hasPassed(TASK_QUEUE_SHIPPING_MAIL, END_NOTIFIED);
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(testOrders.bounceFlagged(email)).as("BNC-3 a delivered non-newsletter mail clears the flag").isFalse();
        assertThat(orders.events(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("SHIPPING_MAIL_QUEUED");
            assertThat(e.actor()).isEqualTo("operator");
        });
    }

    @Test
    @DisplayName("BNC-2 bounce-flagged address → operator declines → nothing is queued and the decision is audited")
    void bouncedOperatorDeclines() {
        String orderNo = TestOrders.newOrderNo();
        String email = "declined-" + orderNo.toLowerCase() + "@example.jp";
        long orderId = testOrders.create(orderNo, "yamada", "yamato");
        jdbc.sql("UPDATE customer_order SET email = :email WHERE id = :id").param("email", email).param("id", orderId).update();
        testOrders.flagBounce(email);

        ProcessInstance pi = registered(orderNo);
        assertThat(pi).isWaitingAt(TASK_CONFIRM_BOUNCED_RECIPIENT);
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        engine.getIdentityService().setAuthentication("operator", List.of("operators"));
        try {
            tasks.complete(task.getId(), Map.of("bounceDecision", "DO_NOT_SEND"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(pi).isEnded().hasPassedInOrder(TASK_RECORD_MAIL_WITHHELD, END_WITHHELD);
        assertThat(pi).hasNotPassed(TASK_QUEUE_SHIPPING_MAIL, TASK_SEND_SHIPPING_MAIL);
        assertThat(testOrders.outboxCount(orderId)).isZero();
        assertThat(testOrders.bounceFlagged(email)).as("the flag stays").isTrue();
        assertThat(orders.events(orderId)).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo("SHIPPING_MAIL_WITHHELD");
            assertThat(e.actor()).isEqualTo("operator");
        });
    }

    @Test
    @DisplayName("SMTP down → the send job is retried 5 times → incident in Cockpit, the mail still queued in the outbox")
    void smtpOutageBecomesIncident() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "yamato");
        ProcessInstance pi = registered(orderNo);
        smtp.begin();

        int attempts = 0;
        while (true) {
            Job current = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
            if (current.getRetries() == 0) {
                break;
            }
            assertThatThrownBy(() -> management.executeJob(current.getId())).hasMessageContaining("not sent");
            attempts++;
            assertThat(attempts).isLessThanOrEqualTo(6);
        }

        assertThat(attempts).as("R5/PT1M: five attempts").isEqualTo(5);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(pi).isWaitingAt(TASK_SEND_SHIPPING_MAIL);
        Map<String, Object> row = jdbc.sql("SELECT status, attempts, last_error FROM mail_outbox WHERE order_id = :id")
                .param("id", orderId).query().singleRow();
        assertThat(row.get("status")).isEqualTo("QUEUED");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(5);
        assertThat((String) row.get("last_error")).isNotBlank();
        assertThat(mailServer.getReceivedMessages()).isEmpty();

        // the mail server is back; an operator retries the incident in Cockpit (set retries) → the mail goes out
        smtp.end();
        Job failed = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        management.setJobRetries(failed.getId(), 1);
        management.executeJob(failed.getId());
        assertThat(pi).isEnded();
        assertThat(mailsTo("yamada@demo.cartflow.test")).hasSize(1);
    }

    @Test
    @DisplayName("no tracking number yet → operator registers it in Tasklist → the mail goes out; a bad number is refused")
    void operatorRegistersTrackingNumber() throws Exception {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "sagawa");
        String id = shipments.requestTrackingNumber(orderNo, null, false, "storefront").processInstanceId();
        ProcessInstance pi = instance(id);
        assertThat(pi).isWaitingAt(TASK_REGISTER_TRACKING_NUMBER);
        Task task = tasks.createTaskQuery().processInstanceId(id).singleResult();
        assertThat(task).hasCandidateGroup("operators");
        // what the operator sees, read from the order when the task was created: task-local, never process data
        assertThat(tasks.getVariablesLocal(task.getId())).containsEntry("customerName", "山田 太郎 様(ヤマダ タロウ)")
                .containsKey("addressText").containsKey("amountText");
        assertThat(task.getName()).startsWith("伝票番号を登録する 注文 " + orderNo + " ").endsWith("円");

        // a sagawa number has 12 digits: the completion is refused, nothing is recorded
        assertThatThrownBy(() -> tasks.complete(task.getId(),
                Map.of("carrierCode", "sagawa", "trackingNumber", "ABC-123", "shippedDate", "2026-11-20")))
                .hasMessageContaining("佐川急便の伝票番号の形式ではありません");
        assertThat(testOrders.trackingNumberCount(orderId)).isZero();
        assertThat(pi).isWaitingAt(TASK_REGISTER_TRACKING_NUMBER);

        tasks.complete(task.getId(), Map.of("carrierCode", "sagawa", "trackingNumber", "987654321098",
                "shippedDate", "2026-11-20"));
        Jobs.runAll(management, id);

        assertThat(pi).isEnded().hasPassedInOrder(TASK_REGISTER_TRACKING_NUMBER, TASK_RECORD_SHIPMENT,
                TASK_QUEUE_SHIPPING_MAIL, END_NOTIFIED);
        assertThat(testOrders.trackingNumberCount(orderId)).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName("customerName").list()).as("the display value lived on the task only")
                .allSatisfy(v -> assertThat(v.getActivityInstanceId()).isNotEqualTo(id));
        MimeMessage mail = mailsTo("yamada@demo.cartflow.test").get(0);
        assertThat((String) mail.getContent()).contains("okurijoNo=987654321098");
    }

    private ProcessInstance shipmentFor(String orderNo, String carrier, String number) {
        return instance(shipments.register(orderNo, new ShipmentService.Registration(carrier, List.of(number),
                LocalDate.of(2026, 11, 20), null, false), "storefront").processInstanceId());
    }
}
