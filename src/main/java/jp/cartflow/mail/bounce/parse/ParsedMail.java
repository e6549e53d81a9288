package jp.cartflow.mail.bounce.parse;

import java.util.List;

/**
 * What one message in the bounce mailbox turned out to be.
 *
 * @param kind        the verdict
 * @param messageId   the Message-ID header, or {@code null}
 * @param subject     decoded subject, or {@code null}
 * @param recipients  failed recipients (BOUNCE), or the complained-about address (COMPLAINT); empty otherwise
 * @param quarantine  why it was set aside (QUARANTINE only)
 */
public record ParsedMail(Kind kind, String messageId, String subject, List<FailedRecipient> recipients,
                         String quarantine) {

    public enum Kind {
        /** A delivery failure with at least one recipient. */
        BOUNCE,
        /** An ARF feedback report (RFC 5965): a recipient marked our mail as spam. Not a delivery failure. */
        COMPLAINT,
        /** An automatic reply (RFC 3834: vacation, out of office). Not a delivery failure. */
        AUTO_REPLY,
        /** Anything else: a person's mail, a delivery-success notice. */
        NOT_BOUNCE,
        /** Could not be read safely: kept for the operator, flags no one. */
        QUARANTINE
    }

    static ParsedMail quarantined(String messageId, String subject, String why) {
        return new ParsedMail(Kind.QUARANTINE, messageId, subject, List.of(), why);
    }
}
