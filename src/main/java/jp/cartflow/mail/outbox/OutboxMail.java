package jp.cartflow.mail.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One row of the outbox. */
public record OutboxMail(long id, long shopId, String messageId, MailKind kind, String templateKey, Long orderId,
                         Long inventoryToolId, String envelopeFrom, String fromAddress, List<String> to, List<String> cc,
                         String subject, String body, String charset, Status status, int attempts,
                         Instant nextAttemptAt, String lastError, String smtpReply, Instant createdAt,
                         Instant sentAt, Map<String, String> headers) {

    /** WITHHELD: a forward whose inventory tool was switched off before it went out (MAIL-4); never sent. */
    public enum Status { QUEUED, SENT, FAILED, WITHHELD }
}
