package jp.cartflow.mail.taglanguage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The shipped default templates, read from {@code classpath:mail/templates/<KEY>.txt} (UTF-8).
 * File format: first line {@code Subject: …}, then one blank line, then the body.
 */
public final class DefaultTemplates {

    private static final String SUBJECT_PREFIX = "Subject:";

    private DefaultTemplates() {
    }

    /** The raw subject and body of a default template. */
    public record Source(TemplateKey key, String subject, String body) {
    }

    /** Reads the default template's text. */
    public static Source source(TemplateKey key) {
        String text = read(key.resource()).replace("\r\n", "\n");
        int firstBreak = text.indexOf('\n');
        String first = firstBreak < 0 ? text : text.substring(0, firstBreak);
        if (!first.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException(key.resource() + " must start with '" + SUBJECT_PREFIX + "'");
        }
        String rest = firstBreak < 0 ? "" : text.substring(firstBreak + 1);
        if (!rest.startsWith("\n")) {
            throw new IllegalStateException(key.resource() + ": a blank line must follow the subject");
        }
        return new Source(key, first.substring(SUBJECT_PREFIX.length()).strip(), rest.substring(1));
    }

    /** Reads and parses the default template. @throws TemplateValidationException if it is invalid */
    public static MailTemplate load(TemplateKey key) {
        Source source = source(key);
        return MailTemplate.parse(source.subject(), source.body(), key.dialect());
    }

    private static String read(String resource) {
        ClassLoader loader = DefaultTemplates.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
