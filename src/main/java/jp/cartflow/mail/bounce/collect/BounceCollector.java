package jp.cartflow.mail.bounce.collect;

import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jp.cartflow.mail.bounce.BounceMailbox;
import jp.cartflow.mail.bounce.BounceRecorder;
import jp.cartflow.mail.bounce.BounceSettings;
import jp.cartflow.mail.bounce.parse.BounceParser;
import jp.cartflow.mail.bounce.parse.ParsedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * バウンスメールを受信する: one collection run over a shop's bounce mailbox (BNC-1).
 * <p>
 * Every message is read, parsed and recorded in the run's transaction (the job's). Messages are marked deleted
 * as they are recorded, but POP3 removes them (DELE, then QUIT) only when the mailbox is closed with expunge, and
 * that happens after the transaction committed. A rollback closes without expunge: everything stays on the
 * server for the retry. A crash after the commit and before the DELE leaves messages that are already recorded;
 * the next run recognises them by key (Message-ID, or the content hash) and deletes them without counting them
 * again. A message that cannot be read safely is quarantined (kept whole) and the run goes on.
 */
@Service
public class BounceCollector {

    private static final Logger log = LoggerFactory.getLogger(BounceCollector.class);

    public enum Trigger { TIMER, MANUAL }

    public record Summary(long runId, int fetched, int bounces, int nonBounces, int quarantined, int alreadyRecorded,
                          int pollMinutes) {
    }

    private final BounceSettings settings;
    private final BounceRecorder recorder;
    private final Pop3Mailboxes mailboxes;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final BounceParser parser;

    BounceCollector(BounceSettings settings, BounceRecorder recorder, Pop3Mailboxes mailboxes, JdbcClient jdbc,
                    Clock clock, @Value("${cartflow.bounce.max-message-bytes:" + BounceParser.DEFAULT_MAX_BYTES + "}")
                    int maxMessageBytes) {
        this.settings = settings;
        this.recorder = recorder;
        this.mailboxes = mailboxes;
        this.jdbc = jdbc;
        this.clock = clock;
        this.parser = new BounceParser(maxMessageBytes);
    }

    @Transactional
    public Summary collect(long shopId, Trigger trigger, String processInstanceId) {
        // one run per shop at a time: a manual run waits for the timer's run (and then finds nothing twice)
        jdbc.sql("SELECT shop_id FROM bounce_mailbox WHERE shop_id = :id FOR UPDATE").param("id", shopId).query(Long.class)
                .optional();
        BounceSettings.Settings current = settings.load(shopId);
        BounceMailbox mailbox = current.mailbox()
                .orElseThrow(() -> new IllegalStateException("shop " + shopId + " has no bounce mailbox (BNC-1)"));
        OffsetDateTime started = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO bounce_collection_run (shop_id, trigger_kind, process_instance_id, started_at)
                VALUES (:shop, :trigger, :pid, :at)""")
                .param("shop", shopId).param("trigger", trigger.name()).param("pid", processInstanceId)
                .param("at", started).update(keys, "id");
        long runId = keys.getKey().longValue();

        Pop3Mailboxes.Open open;
        try {
            open = mailboxes.open(mailbox);
        } catch (MessagingException e) {
            throw new IllegalStateException("bounce mailbox " + mailbox.hostSetting() + ":" + mailbox.port()
                    + " unreachable: " + e.getMessage(), e);
        }
        int fetched = 0;
        int bounces = 0;
        int nonBounces = 0;
        int quarantined = 0;
        int already = 0;
        try {
            for (Message message : open.inbox().getMessages()) {
                byte[] raw = read(message);
                fetched++;
                ParsedMail parsed = parser.parse(raw);
                BounceRecorder.Outcome outcome = recorder.record(shopId, runId, raw, parsed, clock.instant(),
                        current.softThreshold(), current.softWindowDays());
                if (outcome == BounceRecorder.Outcome.ALREADY_RECORDED) {
                    already++;
                } else if (parsed.kind() == ParsedMail.Kind.BOUNCE) {
                    bounces++;
                } else if (parsed.kind() == ParsedMail.Kind.QUARANTINE) {
                    quarantined++;
                } else {
                    nonBounces++;
                }
                message.setFlag(Flags.Flag.DELETED, true);
            }
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(open, false);
            throw new IllegalStateException("bounce mailbox " + mailbox.hostSetting() + ": reading failed: "
                    + e.getMessage(), e);
        }
        jdbc.sql("""
                UPDATE bounce_collection_run SET finished_at = :at, fetched = :fetched, bounces = :bounces,
                       non_bounces = :non, quarantined = :quarantined, already_recorded = :already WHERE id = :id""")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("fetched", fetched)
                .param("bounces", bounces).param("non", nonBounces).param("quarantined", quarantined)
                .param("already", already).param("id", runId).update();
        afterTransaction(open);
        return new Summary(runId, fetched, bounces, nonBounces, quarantined, already, current.pollMinutes());
    }

    /** DELE only once the records are durable; on rollback the messages stay for the next attempt. */
    private static void afterTransaction(Pop3Mailboxes.Open open) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            closeQuietly(open, true);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                closeQuietly(open, status == STATUS_COMMITTED);
            }
        });
    }

    private static void closeQuietly(Pop3Mailboxes.Open open, boolean expunge) {
        try {
            open.close(expunge);
        } catch (MessagingException | RuntimeException e) {
            // recorded messages that were not deleted are recognised by the next run
            log.warn("bounce mailbox: closing (expunge={}) failed: {}", expunge, e.getMessage());
        }
    }

    private static byte[] read(Message message) throws MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, message.getSize()));
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
