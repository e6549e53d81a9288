package jp.cartflow.mail.smtp;

import java.util.Objects;

/**
 * The server's acceptance of one mail.
 *
 * @param messageId   the Message-ID header that was sent (exactly {@link OutgoingMail#messageId()})
 * @param replyCode   SMTP reply code of the final reply to DATA (250 in practice)
 * @param serverReply that reply line as the server sent it, trimmed, e.g. {@code 250 OK} (often carries the
 *                    server's queue id, useful when tracing a mail at the provider)
 */
public record SmtpReceipt(String messageId, int replyCode, String serverReply) {

    public SmtpReceipt {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(serverReply, "serverReply");
    }
}
