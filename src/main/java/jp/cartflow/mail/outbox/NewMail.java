package jp.cartflow.mail.outbox;

import jp.cartflow.mail.Sender;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mail to put in the outbox, rendered already. Features do not build these: they go through
 * {@link jp.cartflow.mail.Mails}.
 *
 * @param sentByProcess true when a process step sends it (its job retries and raises the incident);
 *                      false when the {@link OutboxDispatcher} sends it
 * @param headers       extra headers sent with the mail (e.g. RFC 8058 {@code List-Unsubscribe}); may be empty
 */
public record NewMail(long shopId, MailKind kind, String templateKey, Long orderId, Long inventoryToolId,
                      Sender sender, List<String> to, List<String> cc, String subject, String body, String charset,
                      boolean sentByProcess, Map<String, String> headers) {

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
                   Sender sender, List<String> to, List<String> cc, String subject, String body, String charset,
                   boolean sentByProcess) {
        this(shopId, kind, templateKey, orderId, inventoryToolId, sender, to, cc, subject, body, charset,
                sentByProcess, Map.of());
    }
}
