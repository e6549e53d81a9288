package jp.cartflow.mail.taglanguage;

import java.util.ArrayList;
import java.util.List;

/** A validated subject + body pair in one dialect. */
public record MailTemplate(ParsedTemplate subject, ParsedTemplate body) {

    /**
     * Validates subject and body together and parses them.
     *
     * @throws TemplateValidationException with the errors of both parts (subject first)
     */
    public static MailTemplate parse(String subject, String body, Dialect dialect) {
        List<TemplateError> errors = new ArrayList<>(validate(subject, body, dialect));
        if (!errors.isEmpty()) {
            throw new TemplateValidationException(errors);
        }
        return new MailTemplate(TemplateParser.parseSubject(subject, dialect), TemplateParser.parse(body, dialect));
    }

    /** The errors of subject and body (subject first); empty when both are valid. */
    public static List<TemplateError> validate(String subject, String body, Dialect dialect) {
        List<TemplateError> errors = new ArrayList<>(TemplateParser.validate(subject, dialect, TemplatePart.SUBJECT));
        errors.addAll(TemplateParser.validate(body, dialect, TemplatePart.BODY));
        return List.copyOf(errors);
    }

    public RenderedMail render(MailContext context) {
        return new RenderedMail(subject.render(context), body.render(context));
    }
}
