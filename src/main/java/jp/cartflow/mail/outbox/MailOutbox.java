package jp.cartflow.mail.outbox;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.mail.smtp.MailAddress;
import jp.cartflow.mail.smtp.MailDeliveryException;
import jp.cartflow.mail.smtp.MailTransport;
import jp.cartflow.mail.smtp.MessageIds;
import jp.cartflow.mail.smtp.OutgoingMail;
import jp.cartflow.mail.smtp.SmtpProperties;
import jp.cartflow.mail.smtp.SmtpReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    private final ApplicationEventPublisher events;

    MailOutbox(OutboxRepository repository, MailTransport transport, BounceRegistry bounces,
               Clock clock, SmtpProperties smtp, PlatformTransactionManager transactionManager,
               ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.transport = transport;
        this.bounces = bounces;
        this.clock = clock;
        this.messageIdDomain = smtp.messageIdDomain();
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
        try {
            deliver(mail);
        } catch (MailDeliveryException e) {
            recordFailureSeparately(mail, e, null);
            throw new MailNotSentException(mail, e);
        }
    }

    /** Sends every due dispatcher mail; returns how many were sent. */
    public int dispatchDue(int limit) {
        int sent = 0;
        for (long id : repository.dueForDispatch(clock.instant(), limit)) {
            Boolean delivered = separateTransaction.execute(status -> dispatchOne(id));
            if (Boolean.TRUE.equals(delivered)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean dispatchOne(long id) {
        OutboxMail mail = repository.lock(id).orElse(null);
        if (mail == null || mail.status() != OutboxMail.Status.QUEUED || mail.nextAttemptAt() == null) {
            return false;
        }
        try {
            deliver(mail);
            return true;
        } catch (MailDeliveryException e) {
            boolean giveUp = e.isPermanent() || mail.attempts() + 1 >= MAX_DISPATCH_ATTEMPTS;
            Instant next = giveUp ? null : clock.instant().plus(backoff(mail.attempts() + 1));
            repository.markAttemptFailed(id, giveUp, e.getMessage(), e.serverReply().orElse(null), next);
            log.warn("Outbox mail {} not sent (attempt {}): {}", id, mail.attempts() + 1, e.getMessage());
            return false;
        }
    }

    static Duration backoff(int attempt) {
        return Duration.ofMinutes(1L << Math.min(attempt - 1, 8));
    }

    private void deliver(OutboxMail mail) throws MailDeliveryException {
        SmtpReceipt receipt = transport.send(toOutgoing(mail));
        Instant sentAt = clock.instant();
        repository.markSent(mail.id(), receipt.serverReply(), sentAt);
        events.publishEvent(new MailSent(mail.id(), mail.shopId(), mail.orderId(), mail.kind(), mail.templateKey(),
                mail.to(), sentAt));
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

    private static OutgoingMail toOutgoing(OutboxMail mail) {
        return new OutgoingMail(mail.messageId(), mail.envelopeFrom(), parseAddress(mail.fromAddress()),
                mail.to().stream().map(MailAddress::of).toList(), mail.cc().stream().map(MailAddress::of).toList(),
                mail.subject(), mail.body(), mail.charset(),
                mail.orderId() == null ? Map.of() : Map.of("X-Cartflow-Order-Id", String.valueOf(mail.orderId())));
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
