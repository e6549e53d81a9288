package jp.cartflow.mail.smtp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A mail was not accepted by the SMTP server, or could not be built.
 *
 * <p>{@link #isPermanent()} decides what the caller does: permanent (SMTP 5xx, or a mail we can never send
 * as it is, e.g. a character its charset cannot carry) → mark the mail failed; transient (SMTP 4xx,
 * connection refused, timeout, dropped connection) → retry later.
 */
public class MailDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;
    private final int replyCode;
    private final String serverReply;

    private MailDeliveryException(String message, boolean permanent, int replyCode, String serverReply,
            Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.replyCode = replyCode;
        this.serverReply = serverReply;
    }

    /** A failure with an SMTP reply: permanent iff the code is 5xx. */
    public static MailDeliveryException fromReply(String message, int replyCode, String serverReply,
            Throwable cause) {
        if (replyCode < 200 || replyCode > 599) {
            throw new IllegalArgumentException("not an SMTP reply code: " + replyCode);
        }
        return new MailDeliveryException(message, replyCode >= 500, replyCode, serverReply, cause);
    }

    /** A failure without SMTP reply that no retry can fix (the mail itself is unsendable). */
    public static MailDeliveryException permanent(String message, Throwable cause) {
        return new MailDeliveryException(message, true, -1, null, cause);
    }

    /** A failure without SMTP reply that a retry may fix (server down, timeout, connection lost). */
    public static MailDeliveryException retryable(String message, Throwable cause) {
        return new MailDeliveryException(message, false, -1, null, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }

    public boolean isTransient() {
        return !permanent;
    }

    /** The SMTP reply code (e.g. 550, 451, 535), empty when no server reply caused the failure. */
    public OptionalInt replyCode() {
        return replyCode < 0 ? OptionalInt.empty() : OptionalInt.of(replyCode);
    }

    /** The server's reply line, e.g. {@code 550 5.1.1 User unknown}, when there was one. */
    public Optional<String> serverReply() {
        return Optional.ofNullable(serverReply);
    }
}
