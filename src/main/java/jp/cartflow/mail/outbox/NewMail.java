package jp.cartflow.mail.outbox;

import java.util.List;

/**
 * A mail to put in the outbox.
 *
 * @param sentByProcess true when a process step sends it (its job retries and raises the incident);
 *                      false when the {@link OutboxDispatcher} sends it
 */
public record NewMail(long shopId, MailKind kind, String templateKey, Long orderId, Long inventoryToolId,
                      String fromAddress, String fromName, List<String> to, List<String> cc,
                      String subject, String body, String charset, boolean sentByProcess) {

    public NewMail {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        charset = charset == null ? "UTF-8" : charset;
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
    }

    /** The same mail for other recipients, e.g. an inventory tool's intake address. */
    public NewMail forwardedTo(String address, long toolId) {
        return new NewMail(shopId, MailKind.FORWARD, templateKey, orderId, toolId, fromAddress, fromName,
                List.of(address), List.of(), subject, body, charset, false);
    }
}
