package jp.cartflow.reliability;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.outbox.NewMail;
import jp.cartflow.shipping.ShipmentService;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.SmtpOutage;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail server down for 10 minutes of the test's clock (a real refused connection, no real waiting): mails sent
 * by process steps (shipping notifications, R5/PT1M) and by the outbox dispatcher (backoff 1, 2, 4 … min) are all
 * sent afterwards, none twice; the incidents the outage raised clear on the operator's retry.
 */
@DisplayName("Mail server down for 10 minutes: every queued mail sent afterwards, none twice")
class MailServerOutageIT extends PostgresIntegrationTest {

    @Autowired MutableClock clock;
    @Autowired SmtpOutage smtp;
    @Autowired GreenMail mailServer;
    @Autowired ShipmentService shipments;
    @Autowired TestOrders testOrders;
    @Autowired MailOutbox outbox;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void back() {
        smtp.end();
        clock.reset();
    }

    @Test
    @DisplayName("3 shipping mails + 3 dispatcher notices queued during a 10-minute outage → 6 mails delivered once each, incidents cleared")
    void tenMinuteOutage() throws Exception {
        Instant t0 = Instant.now().plus(Duration.ofDays(1));
        clock.set(t0);
        mailServer.purgeEmailFromAllMailboxes();
        // mails other tests of the shared context left queued are sent by the same dispatcher: count only ours
        long before = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM mail_outbox").query(Long.class).single();
        smtp.begin();

        List<String> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String orderNo = TestOrders.newOrderNo();
            testOrders.create(orderNo, "yamada", "yamato");
            processes.add(shipments.register(orderNo, new ShipmentService.Registration("yamato",
                    List.of("12345678901" + i), LocalDate.of(2026, 11, 20), null, false), "storefront").processInstanceId());
        }
        long shop = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        List<Long> notices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            notices.add(outbox.queue(new NewMail(shop, MailKind.NOTICE, null, null, null,
                    new Sender("shop@demo.cartflow.test", "デモショップ", "shop@demo.cartflow.test"), List.of("outage-" + i + "@demo.cartflow.test"), null, "お知らせ " + i, "本文 " + i,
                    null, false)));
        }

        int failures = 0;
        for (int minute = 0; minute <= 10; minute++) {
            clock.set(t0.plus(Duration.ofMinutes(minute)).plusSeconds(1));
            if (minute == 10) {
                smtp.end();
                break;
            }
            assertThat(outbox.dispatchDue(100)).as("nothing goes out while the server is down").isZero();
            failures += runDueJobs(processes, false);
        }
        assertThat(failures).as("R5/PT1M: five attempts each, then an incident").isEqualTo(15);
        assertThat(incidents(processes)).isEqualTo(3);
        assertThat(mailServer.getReceivedMessages()).isEmpty();

        // the server is back: the dispatcher's next attempts come due (backoff), the operator retries the incidents
        for (int minute = 10; minute <= 20; minute++) {
            clock.set(t0.plus(Duration.ofMinutes(minute)).plusSeconds(1));
            outbox.dispatchDue(100);
            runDueJobs(processes, true);
        }

        assertThat(incidents(processes)).isZero();
        assertThat(processes).allMatch(pi -> runtime.createProcessInstanceQuery().processInstanceId(pi).count() == 0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE id IN (:ids) AND status = 'SENT'")
                .param("ids", notices).query(Integer.class).single()).isEqualTo(3);
        List<String> ours = jdbc.sql("SELECT message_id FROM mail_outbox WHERE id > :before")
                .param("before", before).query(String.class).list();
        Map<String, Integer> perMessageId = new HashMap<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            if (ours.contains(message.getMessageID())) {
                perMessageId.merge(message.getMessageID(), 1, Integer::sum);
            }
        }
        assertThat(perMessageId).as("6 mails, each delivered once").hasSize(6).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().startsWith("outage-");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count()).isEqualTo(3);
    }

    /** Runs every due job of the processes; with {@code operatorRetries}, an incident's job gets one retry first. */
    private int runDueJobs(List<String> processes, boolean operatorRetries) {
        int failed = 0;
        for (String pi : processes) {
            for (Job job : management.createJobQuery().processInstanceId(pi).list()) {
                if (job.getRetries() == 0 && operatorRetries) {
                    management.setJobRetries(job.getId(), 1);
                }
                if (management.createJobQuery().jobId(job.getId()).executable().count() == 1) {
                    try {
                        management.executeJob(job.getId());
                    } catch (RuntimeException e) {
                        failed++;
                    }
                }
            }
        }
        return failed;
    }

    private long incidents(List<String> processes) {
        return processes.stream().mapToLong(pi -> runtime.createIncidentQuery().processInstanceId(pi).count()).sum();
    }
}
