package jp.cartflow.mail.shoptemplates;

import jp.cartflow.mail.taglanguage.MailTemplate;
import jp.cartflow.mail.taglanguage.TemplateKey;

import java.time.Instant;

/** A shop's template as stored, with its parsed form. */
public record StoredTemplate(long shopId, TemplateKey key, String name, String subject, String body, String charset,
                             Instant updatedAt, String updatedBy) {

    public MailTemplate parsed() {
        return MailTemplate.parse(subject, body, key.dialect());
    }
}
