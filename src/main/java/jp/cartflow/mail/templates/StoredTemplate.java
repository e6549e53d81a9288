package jp.cartflow.mail.templates;

import jp.cartflow.mail.template.MailTemplate;
import jp.cartflow.mail.template.TemplateKey;

import java.time.Instant;

/** A shop's template as stored, with its parsed form. */
public record StoredTemplate(long shopId, TemplateKey key, String name, String subject, String body, String charset,
                             Instant updatedAt, String updatedBy) {

    public MailTemplate parsed() {
        return MailTemplate.parse(subject, body, key.dialect());
    }
}
