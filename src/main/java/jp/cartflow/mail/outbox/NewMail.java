package jp.cartflow.mail.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mail to put in the outbox.
 *
 * @param sentByProcess true when a process step sends it (its job retries and raises the incident);
 *                      false when the {@link OutboxDispatcher} sends it
 * @param headers       extra headers sent with the mail (e.g. RFC 8058 {@code List-Unsubscribe}); may be empty
 */
public record NewMail(long shopId, MailKind kind, String templateKey, Long orderId, Long inventoryToolId,
                      String fromAddress, String fromName, List<String> to, List<String> cc,
                      String subject, String body, String charset, boolean sentByProcess,
                      Map<String, String> headers) {

    public NewMail {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        charset = charset == null ? "UTF-8" : charset;
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs a recipient");
        }
    }

    /** A mail without extra headers. */
    public NewMail(long shopId, MailKind kind, String templateKey, Long orderId, Long inventoryToolId,
                   String fromAddress, String fromName, List<String> to, List<String> cc,
                   String subject, String body, String charset, boolean sentByProcess) {
        this(shopId, kind, templateKey, orderId, inventoryToolId, fromAddress, fromName, to, cc, subject, body,
                charset, sentByProcess, Map.of());
    }

    /** The same mail for other recipients, e.g. an inventory tool's intake address. */
    public NewMail forwardedTo(String address, long toolId) {
        return new NewMail(shopId, MailKind.FORWARD, templateKey, orderId, toolId, fromAddress, fromName,
                List.of(address), List.of(), subject, body, charset, false);
    }
}
