package jp.cartflow.mail;

import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.outbox.NewMail;
import jp.cartflow.mail.shoptemplates.MailTemplateStore;
import jp.cartflow.mail.shoptemplates.StoredTemplate;
import jp.cartflow.mail.taglanguage.MailTemplate;
import jp.cartflow.mail.taglanguage.RenderedMail;
import jp.cartflow.mail.taglanguage.TemplateError;
import jp.cartflow.mail.taglanguage.TemplateKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The mail room's front door: "render this template for this context and queue it in my transaction". Every
 * feature sends through here: the shop's template (or the shipped default) is rendered with the context
 * (MAIL-1) and the mail is written to the outbox in the caller's transaction (ADR 0002).
 */
@Service
public class Mails {

    private final MailTemplateStore templates;
    private final MailOutbox outbox;

    Mails(MailTemplateStore templates, MailOutbox outbox) {
        this.templates = templates;
        this.outbox = outbox;
    }

    /** Renders and queues; returns the outbox id. */
    @Transactional
    public long queue(TemplatedMail mail) {
        StoredTemplate stored = templates.forSending(mail.shopId(), mail.template());
        MailTemplate template = mail.editedSubject() == null ? stored.parsed()
                : MailTemplate.parse(mail.editedSubject(), mail.editedBody(), mail.template().dialect());
        RenderedMail rendered = template.render(mail.context());
        return outbox.queue(new NewMail(mail.shopId(), mail.kind(), mail.template().name(), mail.orderId(), null,
                mail.sender(), mail.to(), mail.cc(), rendered.subject(), rendered.body(), stored.charset(),
                mail.sentByProcess()));
    }

    /** A mail without a template (e.g. a report to the payment support desk), queued as it is. */
    @Transactional
    public long queueText(long shopId, MailKind kind, Long orderId, Sender sender, List<String> to, String subject,
                          String body) {
        return outbox.queue(new NewMail(shopId, kind, null, orderId, null, sender, to, List.of(), subject, body,
                "UTF-8", false));
    }

    /** The first error of text an operator edited for a template, if any (unknown tags are refused, MAIL-1). */
    public Optional<TemplateError> firstError(TemplateKey template, String subject, String body) {
        return MailTemplate.validate(subject, body, template.dialect()).stream().findFirst();
    }
}
