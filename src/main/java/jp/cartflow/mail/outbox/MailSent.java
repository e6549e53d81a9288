package jp.cartflow.mail.outbox;

import java.time.Instant;
import java.util.List;

/**
 * Published inside the sending transaction when the SMTP server accepted a mail, so higher floors (the
 * order, for instance) can record it without the mail package knowing about them.
 */
public record MailSent(long outboxId, long shopId, Long orderId, MailKind kind, String templateKey, List<String> to,
                       Instant sentAt, String messageId, Long inventoryToolId) {
}
