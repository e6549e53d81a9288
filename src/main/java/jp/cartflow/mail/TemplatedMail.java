package jp.cartflow.mail;

import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.taglanguage.MailContext;
import jp.cartflow.mail.taglanguage.TemplateKey;

import java.util.List;

/**
 * "Render this shop's template for this context and queue it": what a feature hands to {@link Mails}. Built
 * with {@link #of} and refined with the {@code with…} methods; defaults: transactional, no copy, not about
 * an order, sent by the outbox dispatcher, the shop's stored template text.
 *
 * @param editedSubject with {@code editedBody}: text an operator edited for this one mail (same tags, same
 *                      validation) instead of the stored template
 * @param sentByProcess true when a process step sends it (its job retries and raises the incident)
 */
public record TemplatedMail(long shopId, TemplateKey template, MailContext context, Sender sender, List<String> to,
                            List<String> cc, MailKind kind, Long orderId, boolean sentByProcess,
                            String editedSubject, String editedBody) {

    public TemplatedMail {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
    }

    public static TemplatedMail of(long shopId, TemplateKey template, MailContext context, Sender sender,
                                   List<String> to) {
        return new TemplatedMail(shopId, template, context, sender, to, List.of(), MailKind.TRANSACTIONAL, null,
                false, null, null);
    }

    public TemplatedMail withCc(List<String> copies) {
        return new TemplatedMail(shopId, template, context, sender, to, copies, kind, orderId, sentByProcess,
                editedSubject, editedBody);
    }

    public TemplatedMail withKind(MailKind mailKind) {
        return new TemplatedMail(shopId, template, context, sender, to, cc, mailKind, orderId, sentByProcess,
                editedSubject, editedBody);
    }

    public TemplatedMail aboutOrder(long order) {
        return new TemplatedMail(shopId, template, context, sender, to, cc, kind, order, sentByProcess,
                editedSubject, editedBody);
    }

    public TemplatedMail sentByItsProcess() {
        return new TemplatedMail(shopId, template, context, sender, to, cc, kind, orderId, true, editedSubject,
                editedBody);
    }

    public TemplatedMail withEditedText(String subject, String body) {
        return new TemplatedMail(shopId, template, context, sender, to, cc, kind, orderId, sentByProcess, subject,
                body);
    }
}
