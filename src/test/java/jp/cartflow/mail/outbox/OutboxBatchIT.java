package jp.cartflow.mail.outbox;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.mail.Sender;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newsletter batch through {@link MailOutbox#sendAll} against the real GreenMail SMTP server and PostgreSQL: the
 * batch spans several recording chunks, and one mail in it cannot go out.
 */
class OutboxBatchIT extends PostgresIntegrationTest {

    private static final int MAILS = MailOutbox.SEND_ALL_CHUNK * 2 + 50;

    @Autowired MailOutbox outbox;
    @Autowired GreenMail mailServer;
    @Autowired JdbcClient jdbc;

    private long shopId() {
        return jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
    }

    private List<Long> queue(long shopId, List<String> addresses) {
        List<NewMail> mails = new ArrayList<>();
        for (String address : addresses) {
            mails.add(new NewMail(shopId, MailKind.NEWSLETTER, null, null, null,
                    new Sender("news@demo.cartflow.test", "カートフロー商店", "bounce@demo.cartflow.test"),
                    List.of(address), List.of(), "冬のセール", "本文です。", "UTF-8", true,
                    Map.of("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")));
        }
        return outbox.queueAll(shopId, mails);
    }

    /** Received mails of this test (by recipient domain), counted per Message-ID. */
    private Map<String, Long> receivedByMessageId(String domain) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : mailServer.getReceivedMessages()) {
            if (Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().endsWith("@" + domain))) {
                ids.add(m.getMessageID());
            }
        }
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    @Test
    @DisplayName("one recipient the SMTP command cannot carry (全角 address) fails alone: the other mails of the batch are sent once and recorded SENT, a retried batch sends none of them again")
    void oneBadRecipientFailsAlone() throws Exception {
        long shopId = shopId();
        String domain = "batch-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            addresses.add("m" + i + "@" + domain);
        }
        int bad = MailOutbox.SEND_ALL_CHUNK + 20; // inside the second chunk
        addresses.set(bad, "太郎@" + domain);
        List<Long> ids = queue(shopId, addresses);

        List<MailOutbox.BatchOutcome> outcomes = outbox.sendAll(ids);

        assertThat(outcomes).hasSize(MAILS);
        assertThat(outcomes.stream().filter(o -> !o.sent()).map(MailOutbox.BatchOutcome::outboxId))
                .containsExactly(ids.get(bad));
        assertThat(outcomes.get(bad).error()).contains("太郎@" + domain);
        Map<String, Long> received = receivedByMessageId(domain);
        assertThat(received).hasSize(MAILS - 1).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        for (int i = 0; i < MAILS; i++) {
            OutboxMail mail = outbox.get(ids.get(i));
            if (i == bad) {
                assertThat(mail.status()).isEqualTo(OutboxMail.Status.FAILED);
                assertThat(mail.lastError()).contains("太郎@" + domain);
                assertThat(received).doesNotContainKey(mail.messageId());
            } else {
                assertThat(mail.status()).as("mail %d", i).isEqualTo(OutboxMail.Status.SENT);
                assertThat(mail.smtpReply()).startsWith("250");
                assertThat(mail.attempts()).isEqualTo(1);
                assertThat(received).containsKey(mail.messageId());
            }
        }

        // the batch again (a job retried after a crash): nothing that was sent goes out a second time
        List<MailOutbox.BatchOutcome> again = outbox.sendAll(ids);
        assertThat(again.stream().filter(MailOutbox.BatchOutcome::sent)).hasSize(MAILS - 1);
        assertThat(receivedByMessageId(domain)).hasSize(MAILS - 1)
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        assertThat(outbox.get(ids.get(0)).attempts()).as("not sent again").isEqualTo(1);
    }

    private long notice(long shopId, String address) {
        return outbox.queue(new NewMail(shopId, MailKind.NOTICE, null, null, null,
                new Sender("shop@demo.cartflow.test", "デモショップ", "bounce@demo.cartflow.test"), List.of(address),
                List.of(), "お知らせ", "本文です。", "UTF-8", false));
    }

    @Test
    @DisplayName("dispatcher: two dispatchers at once (SKIP LOCKED claims) send every due mail exactly once; a bad address among them fails alone with no retry")
    void concurrentDispatchersSendEachMailOnce() throws Exception {
        outbox.dispatchDue(10_000); // whatever other tests left due
        long shopId = shopId();
        String domain = "dispatch-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        int count = MailOutbox.DISPATCH_CLAIM * 4 + 7;
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(notice(shopId, (i == 30 ? "全角＠" : "n" + i + "@") + domain));
        }

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = nodes.submit(() -> outbox.dispatchDue(10_000));
            Future<Integer> b = nodes.submit(() -> outbox.dispatchDue(10_000));
            assertThat(a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS)).isEqualTo(count - 1);
        } finally {
            nodes.shutdownNow();
        }

        Map<String, Long> received = receivedByMessageId(domain);
        assertThat(received).hasSize(count - 1).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        OutboxMail bad = outbox.get(ids.get(30));
        assertThat(bad.status()).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(bad.nextAttemptAt()).as("permanent: no retry").isNull();
        assertThat(bad.lastError()).contains("全角＠" + domain);
        assertThat(ids.stream().filter(id -> !id.equals(ids.get(30))).map(outbox::get))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(OutboxMail.Status.SENT));
        assertThat(outbox.dispatchDue(10_000)).as("nothing left to send").isZero();
    }

    @Test
    @DisplayName("every mail of a batch gets its own SMTP reply and its final Message-ID, written once")
    void messageIdsAndRepliesPerMail() throws Exception {
        long shopId = shopId();
        String domain = "ids-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < MailOutbox.SEND_ALL_CHUNK + 1; i++) {
            addresses.add("m" + i + "@" + domain);
        }
        List<Long> ids = queue(shopId, addresses);
        for (long id : ids) {
            assertThat(outbox.get(id).messageId()).startsWith("<outbox-" + id + ".");
        }
        assertThat(outbox.sendAll(ids)).allMatch(MailOutbox.BatchOutcome::sent);
        Map<String, Long> received = receivedByMessageId(domain);
        for (long id : ids) {
            OutboxMail mail = outbox.get(id);
            assertThat(mail.status()).isEqualTo(OutboxMail.Status.SENT);
            assertThat(mail.sentAt()).isNotNull();
            assertThat(mail.smtpReply()).startsWith("250");
            assertThat(received).containsEntry(mail.messageId(), 1L);
        }
    }
}
