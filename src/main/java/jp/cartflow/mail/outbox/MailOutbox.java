package jp.cartflow.mail.outbox;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.mail.smtp.MailAddress;
import jp.cartflow.mail.smtp.MailDeliveryException;
import jp.cartflow.mail.smtp.MailTransport;
import jp.cartflow.mail.smtp.MessageIds;
import jp.cartflow.mail.smtp.OutgoingMail;
import jp.cartflow.mail.smtp.SmtpProperties;
import jp.cartflow.mail.smtp.SmtpReceipt;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The outbox: a mail is written in the same transaction as the business change that causes it, and
 * sent afterwards — by the process step that owns it (its job retries and ends in an incident) or by the
 * {@link OutboxDispatcher}. Delivery is at-least-once: a crash after the SMTP server accepted a mail but
 * before the SENT status committed sends it again with the same Message-ID, so duplicates are detectable.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_DISPATCH_ATTEMPTS = 8;

    private final OutboxRepository repository;
    private final MailTransport transport;
    private final BounceRegistry bounces;
    private final Clock clock;
    private final String messageIdDomain;
    private final TransactionTemplate separateTransaction;
    private final TransactionTemplate savepoint;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ForwardingGate> forwardingGate;
    /** Records {@link #sendAll}'s successes while the sending thread goes on (one thread: chunks stay in order). */
    private final ExecutorService recorderThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-outbox-recorder");
        thread.setDaemon(true);
        return thread;
    });

    MailOutbox(OutboxRepository repository, MailTransport transport, BounceRegistry bounces,
               Clock clock, SmtpProperties smtp, PlatformTransactionManager transactionManager,
               ApplicationEventPublisher events, ObjectProvider<ForwardingGate> forwardingGate) {
        this.events = events;
        this.forwardingGate = forwardingGate;
        this.repository = repository;
        this.transport = transport;
        this.bounces = bounces;
        this.clock = clock;
        this.messageIdDomain = smtp.messageIdDomain();
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Queues a rendered mail in the caller's transaction; returns the outbox id. The sender (and its envelope
     * sender, BNC-1) comes with the mail. Features use {@link jp.cartflow.mail.Mails}.
     */
    @Transactional
    public long queue(NewMail mail) {
        String uuid = UUID.randomUUID().toString();
        Instant now = clock.instant();
        long id = repository.insert(mail, "<pending." + uuid + "@" + messageIdDomain + ">", now,
                mail.sentByProcess() ? null : now);
        repository.setMessageId(id, MessageIds.forOutbox(id, uuid, messageIdDomain));
        return id;
    }

    /**
     * MAIL-4: queues an unchanged copy of a queued mail for another address (an inventory tool's intake
     * mailbox), sent by the dispatcher; returns the copy's outbox id.
     */
    @Transactional
    public long forward(long outboxId, String address, Long inventoryToolId) {
        String uuid = UUID.randomUUID().toString();
        long id = repository.insertForward(outboxId, address, inventoryToolId,
                "<pending." + uuid + "@" + messageIdDomain + ">", clock.instant());
        repository.setMessageId(id, MessageIds.forOutbox(id, uuid, messageIdDomain));
        return id;
    }

    /**
     * MAIL-4: withholds every queued forward of an inventory tool (called when its forwarding is switched off);
     * returns how many. The dispatcher checks the switch again anyway ({@link ForwardingGate}).
     */
    @Transactional
    public int withholdQueuedForwards(long inventoryToolId) {
        List<Long> ids = repository.queuedForwards(inventoryToolId);
        ids.forEach(id -> repository.markWithheld(id, clock.instant()));
        return ids.size();
    }

    /**
     * Queues many mails of one shop in the caller's transaction with one JDBC batch (newsletter batches);
     * returns the outbox ids in input order. The mails are sent by {@link #sendAll}.
     */
    @Transactional
    public List<Long> queueAll(long shopId, List<NewMail> mails) {
        if (mails.isEmpty()) {
            return List.of();
        }
        List<String> uuids = new ArrayList<>(mails.size());
        for (NewMail mail : mails) {
            if (mail.shopId() != shopId) {
                throw new IllegalArgumentException("a batch belongs to one shop");
            }
            uuids.add(UUID.randomUUID().toString());
        }
        return repository.insertAll(mails, uuids, messageIdDomain, clock.instant());
    }

    /** What {@link #sendAll} did with one mail. */
    public record BatchOutcome(long outboxId, boolean sent, String error) {
    }

    /**
     * Sends queued mails over one SMTP connection (a newsletter batch). A mail already SENT is reported sent
     * and not sent again (a retried batch). Successes are recorded every {@code chunk} mails in a short
     * transaction of their own, on the outbox's recorder thread while the next chunk goes out, so the database
     * work overlaps the SMTP dialogue; at most one chunk is being recorded at a time, and the call returns only
     * when every success is recorded. A failure is recorded at once (permanent → FAILED, else it stays QUEUED with
     * the error) and does not touch the other mails of the batch. Delivery stays at-least-once: a crash before a
     * chunk is recorded resends that chunk (at most two chunks) with the same Message-IDs. A recording that fails
     * stops the batch (nothing more is sent) and is rethrown. Never clears a bounce record of a NEWSLETTER mail
     * (BNC-3).
     */
    public List<BatchOutcome> sendAll(List<Long> ids) {
        List<BatchOutcome> outcomes = new ArrayList<>(ids.size());
        SentRecorder recorder = new SentRecorder();
        try (MailTransport.Connection connection = transport.openConnection()) {
            for (OutboxMail mail : repository.findAll(ids)) {
                if (mail.status() == OutboxMail.Status.SENT) {
                    outcomes.add(new BatchOutcome(mail.id(), true, null));
                    continue;
                }
                recorder.rethrowIfFailed();
                try {
                    SmtpReceipt receipt = connection.send(outgoing(mail));
                    recorder.add(mail, receipt.serverReply());
                    outcomes.add(new BatchOutcome(mail.id(), true, null));
                } catch (MailDeliveryException e) {
                    recordFailureSeparately(mail, e, null);
                    outcomes.add(new BatchOutcome(mail.id(), false, e.getMessage()));
                }
            }
        } finally {
            recorder.finish();
        }
        return outcomes;
    }

    static final int SEND_ALL_CHUNK = 100;

    /** The successes of one {@link #sendAll}, handed to the recorder thread chunk by chunk. */
    private final class SentRecorder {

        private List<OutboxMail> mails = new ArrayList<>();
        private List<String> replies = new ArrayList<>();
        private Future<?> inFlight;

        void add(OutboxMail mail, String reply) {
            mails.add(mail);
            replies.add(reply);
            if (mails.size() >= SEND_ALL_CHUNK) {
                awaitInFlight();
                List<OutboxMail> chunk = mails;
                List<String> chunkReplies = replies;
                mails = new ArrayList<>();
                replies = new ArrayList<>();
                inFlight = recorderThread.submit(() -> recordSent(chunk, chunkReplies));
            }
        }

        /** A chunk that could not be recorded stops the batch. */
        void rethrowIfFailed() {
            if (inFlight != null && inFlight.isDone()) {
                awaitInFlight();
            }
        }

        /** Waits for the chunk in flight and records the rest on the calling thread. */
        void finish() {
            try {
                awaitInFlight();
            } finally {
                recordSent(mails, replies);
            }
        }

        private void awaitInFlight() {
            if (inFlight == null) {
                return;
            }
            Future<?> waiting = inFlight;
            inFlight = null;
            try {
                waiting.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording sent mails", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("recording sent mails failed", e.getCause());
            }
        }
    }

    @PreDestroy
    void stopRecorder() throws InterruptedException {
        recorderThread.shutdown();
        recorderThread.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void recordSent(List<OutboxMail> mails, List<String> replies) {
        if (mails.isEmpty()) {
            return;
        }
        Instant sentAt = clock.instant();
        separateTransaction.executeWithoutResult(status -> {
            repository.markAllSent(mails.stream().map(OutboxMail::id).toList(), replies, sentAt);
            for (OutboxMail mail : mails) {
                events.publishEvent(new MailSent(mail.id(), mail.shopId(), mail.orderId(), mail.kind(),
                        mail.templateKey(), mail.to(), sentAt, mail.messageId(), mail.inventoryToolId()));
                clearBounceUnlessNewsletter(mail);
            }
        });
        mails.clear();
        replies.clear();
    }

    public OutboxMail get(long id) {
        return repository.find(id).orElseThrow(() -> new IllegalArgumentException("no outbox mail " + id));
    }

    public List<OutboxMail> forOrder(long orderId) {
        return repository.forOrder(orderId);
    }

    /**
     * Sends a queued mail now (a process step). Already sent: nothing happens. A failed attempt is recorded
     * in its own transaction (so it survives the rollback of the job) and rethrown, so the engine retries
     * and finally raises an incident; the mail stays in the outbox.
     */
    @Transactional
    public void send(long id) {
        // no row lock: the engine runs one job at a time, and a failed attempt is recorded in a
        // separate transaction that must be able to update this row
        OutboxMail mail = repository.find(id).orElseThrow(() -> new IllegalArgumentException("no outbox mail " + id));
        if (mail.status() == OutboxMail.Status.SENT) {
            log.info("Outbox mail {} was sent already ({}); not sending again", id, mail.messageId());
            return;
        }
        if (withheld(mail)) {
            return;
        }
        try {
            deliver(mail);
        } catch (MailDeliveryException e) {
            recordFailureSeparately(mail, e, null);
            throw new MailNotSentException(mail, e);
        }
    }

    /** Due dispatcher mails claimed (and row-locked) together by one transaction of {@link #dispatchDue}. */
    static final int DISPATCH_CLAIM = 20;

    /**
     * Sends the due dispatcher mails, at most {@code limit}; returns how many were sent. Mails are claimed
     * {@value #DISPATCH_CLAIM} at a time with {@code FOR UPDATE SKIP LOCKED}: several nodes dispatch at once, a
     * mail one node holds is skipped by the others, and its lock lasts until its SENT (or its failed attempt) is
     * committed, so no two nodes send it. One SMTP connection serves the whole run instead of one per mail. A
     * failed send is recorded with its backoff and the claim goes on. Each success is recorded under a savepoint:
     * one whose recording fails is rolled back alone (it stays due), the claim's other outcomes are committed, and
     * the failure is rethrown. Delivery stays at-least-once: a crash before a claim commits resends the mails of
     * that claim (at most {@value #DISPATCH_CLAIM}) with the same Message-IDs.
     */
    public int dispatchDue(int limit) {
        int sent = 0;
        int handled = 0;
        try (MailTransport.Connection connection = transport.openConnection()) {
            while (handled < limit) {
                int size = Math.min(DISPATCH_CLAIM, limit - handled);
                Claim claim = separateTransaction.execute(status -> dispatchClaimed(connection, size));
                handled += claim.claimed();
                sent += claim.sent();
                if (claim.failure() != null) {
                    throw claim.failure();
                }
                if (claim.claimed() < size) {
                    break;
                }
            }
        }
        return sent;
    }

    private record Claim(int claimed, int sent, RuntimeException failure) {
    }

    private Claim dispatchClaimed(MailTransport.Connection connection, int size) {
        List<OutboxMail> claimed = repository.claimDue(clock.instant(), size);
        int sent = 0;
        for (OutboxMail mail : claimed) {
            if (withheld(mail)) {
                continue;
            }
            SmtpReceipt receipt;
            try {
                receipt = connection.send(outgoing(mail));
            } catch (MailDeliveryException e) {
                boolean giveUp = e.isPermanent() || mail.attempts() + 1 >= MAX_DISPATCH_ATTEMPTS;
                Instant next = giveUp ? null : clock.instant().plus(backoff(mail.attempts() + 1));
                repository.markAttemptFailed(mail.id(), giveUp, e.getMessage(), e.serverReply().orElse(null), next);
                log.warn("Outbox mail {} not sent (attempt {}): {}", mail.id(), mail.attempts() + 1, e.getMessage());
                continue;
            }
            try {
                savepoint.executeWithoutResult(status -> recordDelivered(mail, receipt));
                sent++;
            } catch (RuntimeException e) {
                log.error("Outbox mail {} ({}) was accepted by the SMTP server but not recorded; it stays due and "
                        + "goes out again with the same Message-ID", mail.id(), mail.messageId(), e);
                return new Claim(claimed.size(), sent, e);
            }
        }
        return new Claim(claimed.size(), sent, null);
    }

    /** MAIL-4: a forward goes out only if its tool's switch is still on now, at dispatch. */
    private boolean withheld(OutboxMail mail) {
        if (mail.inventoryToolId() == null) {
            return false;
        }
        ForwardingGate gate = forwardingGate.getIfAvailable();
        if (gate == null || gate.stillForwarding(mail.inventoryToolId())) {
            return false;
        }
        repository.markWithheld(mail.id(), clock.instant());
        log.info("Outbox mail {} withheld: inventory tool {} is switched off (MAIL-4)", mail.id(), mail.inventoryToolId());
        return true;
    }

    static Duration backoff(int attempt) {
        return Duration.ofMinutes(1L << Math.min(attempt - 1, 8));
    }

    private void deliver(OutboxMail mail) throws MailDeliveryException {
        recordDelivered(mail, transport.send(outgoing(mail)));
    }

    private void recordDelivered(OutboxMail mail, SmtpReceipt receipt) {
        Instant sentAt = clock.instant();
        repository.markSent(mail.id(), receipt.serverReply(), sentAt);
        events.publishEvent(new MailSent(mail.id(), mail.shopId(), mail.orderId(), mail.kind(), mail.templateKey(),
                mail.to(), sentAt, mail.messageId(), mail.inventoryToolId()));
        clearBounceUnlessNewsletter(mail);
    }

    private void clearBounceUnlessNewsletter(OutboxMail mail) {
        if (mail.kind() == MailKind.TRANSACTIONAL || mail.kind() == MailKind.NOTICE) {
            for (String address : mail.to()) {
                if (bounces.clear(mail.shopId(), address, "mail " + mail.messageId())) {
                    log.info("Bounce record of {} cleared by a delivered {} mail (BNC-3)", address, mail.kind());
                }
            }
        }
    }

    private void recordFailureSeparately(OutboxMail mail, MailDeliveryException e, Instant next) {
        separateTransaction.executeWithoutResult(status -> repository.markAttemptFailed(mail.id(), e.isPermanent(),
                e.getMessage(), e.serverReply().orElse(null), next));
    }

    /**
     * The mail as the transport takes it. A stored address that the SMTP command cannot carry (e.g. an imported
     * {@code 太郎@example.jp}) fails that one mail permanently, never the batch or the dispatcher's run.
     */
    private static OutgoingMail outgoing(OutboxMail mail) throws MailDeliveryException {
        try {
            return toOutgoing(mail);
        } catch (IllegalArgumentException e) {
            throw MailDeliveryException.permanent("cannot send mail " + mail.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static OutgoingMail toOutgoing(OutboxMail mail) {
        Map<String, String> headers = new LinkedHashMap<>(mail.headers());
        if (mail.orderId() != null) {
            headers.put("X-Cartflow-Order-Id", String.valueOf(mail.orderId()));
        }
        return new OutgoingMail(mail.messageId(), mail.envelopeFrom(), parseAddress(mail.fromAddress()),
                mail.to().stream().map(MailAddress::of).toList(), mail.cc().stream().map(MailAddress::of).toList(),
                mail.subject(), mail.body(), mail.charset(), headers);
    }

    static MailAddress parseAddress(String formatted) {
        int open = formatted.lastIndexOf('<');
        if (open > 0 && formatted.endsWith(">")) {
            return MailAddress.of(formatted.substring(open + 1, formatted.length() - 1),
                    formatted.substring(0, open).strip());
        }
        return MailAddress.of(formatted.strip());
    }

    /** A send that did not happen; the job that tried it will be retried. */
    public static class MailNotSentException extends RuntimeException {
        public MailNotSentException(OutboxMail mail, MailDeliveryException cause) {
            super("mail " + mail.messageId() + " to " + mail.to() + " not sent ("
                    + (cause.isPermanent() ? "permanent" : "transient") + "): " + cause.getMessage(), cause);
        }
    }
}
