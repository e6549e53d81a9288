package jp.cartflow.mail.shoptemplates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.cartflow.mail.taglanguage.DefaultTemplates;
import jp.cartflow.mail.taglanguage.TemplateKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Shops keep their templates in the database; the defaults shipped before conditional blocks printed empty lines.
 * Such a default, never edited, is replaced at start-up; an edited one (or one saved by a person) never is.
 */
class SupersededDefaultsTest {

    /** The earlier default as the installer stored it (first line subject, blank line, body). */
    private static StoredTemplate storedV1(TemplateKey key, String updatedBy) throws IOException {
        String text;
        try (InputStream in = SupersededDefaultsTest.class.getResourceAsStream("/mail/superseded/" + key + ".v1.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int lineBreak = text.indexOf('\n');
        String subject = text.substring("Subject:".length(), lineBreak).strip();
        String body = text.substring(lineBreak + 2);
        return new StoredTemplate(1L, key, "標準", subject, body, "UTF-8", Instant.EPOCH, updatedBy);
    }

    @ParameterizedTest
    @EnumSource(value = TemplateKey.class, names = {"ORDER_CONFIRMATION", "SHIPPING_COMPLETE", "SUBSCRIPTION_THANKS"})
    @DisplayName("MAIL-1 an unedited earlier default is upgraded; an edited one, or the current default, is left alone")
    void upgradesOnlyUntouchedEarlierDefaults(TemplateKey key) throws IOException {
        StoredTemplate v1 = storedV1(key, "system");
        assertThat(v1.body()).as("the v1 default printed the subscription-number line unconditionally")
                .doesNotContain("<sectionIf");
        assertThat(MailTemplateStore.isSupersededDefault(v1)).isTrue();

        assertThat(MailTemplateStore.isSupersededDefault(storedV1(key, "operator"))).as("saved by a person").isFalse();
        StoredTemplate edited = new StoredTemplate(1L, key, v1.name(), v1.subject(), v1.body() + "\n追記", "UTF-8",
                Instant.EPOCH, "system");
        assertThat(MailTemplateStore.isSupersededDefault(edited)).as("edited text").isFalse();
        DefaultTemplates.Source current = DefaultTemplates.source(key);
        assertThat(MailTemplateStore.isSupersededDefault(new StoredTemplate(1L, key, v1.name(), current.subject(),
                current.body(), "UTF-8", Instant.EPOCH, "system"))).as("the current default").isFalse();
    }
}
