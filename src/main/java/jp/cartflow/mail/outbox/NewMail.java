package jp.cartflow.mail.outbox;

import jp.cartflow.mail.Sender;

import java.util.List;

/**
 * A mail to put in the outbox, rendered already. Features do not build these: they go through
 * {@link jp.cartflow.mail.Mails}.
 *
 * @param sentByProcess true when a process step sends it (its job retries and raises the incident);
 *                      false when the {@link OutboxDispatcher} sends it
 */
public record NewMail(long shopId, MailKind kind, String templateKey, Long orderId, Long inventoryToolId,
                      Sender sender, List<String> to, List<String> cc, String subject, String body, String charset,
                      boolean sentByProcess) {

    public NewMail {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        charset = charset == null ? "UTF-8" : charset;
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
    }
}
