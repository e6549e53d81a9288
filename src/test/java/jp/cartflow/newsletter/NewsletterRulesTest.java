package jp.cartflow.newsletter;

import jp.cartflow.platform.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain rules behind newsletters: text validation, rendering, rate lookup, link signatures. */
class NewsletterRulesTest {

    @Test
    @DisplayName("特定電子メール法: a body without the unsubscribe tag is refused; unknown tags are named")
    void unsubscribeTagRequired() {
        assertThat(NewsletterText.validate("件名", "本文 <!--{unsubscribeUrl}-->")).isEmpty();
        assertThat(NewsletterText.validate("件名", "本文だけ")).extracting(NewsletterText.Problem::field).containsExactly("body");
        assertThat(NewsletterText.validate("<!--{orderNo}-->", "<!--{unsubscribeUrl}-->"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("orderNo"));
        assertThat(NewsletterText.validate("<!--{unsubscribeUrl}-->", "<!--{unsubscribeUrl}-->"))
                .extracting(NewsletterText.Problem::field).containsExactly("subject");
    }

    @Test
    @DisplayName("tags render with their values; a value with $ or \\ stays literal")
    void render() {
        assertThat(NewsletterText.render("<!--{memberName}--> 様 <!--{ memberEmail }-->",
                Map.of("memberName", "山田$1\\", "memberEmail", "a@b.jp"))).isEqualTo("山田$1\\ 様 a@b.jp");
    }

    @Test
    @DisplayName("a campaign text parsed once renders per member exactly as render does: tags at both ends, unknown and empty values, no tag at all")
    void compiledTemplateRendersLikeRender() {
        Map<String, String> values = Map.of("memberName", "山田$1\\", "unsubscribeUrl", "http://x/u?t=1");
        for (String text : new String[]{"<!--{memberName}--> 様 <!--{ unsubscribeUrl }-->", "前 <!--{memberName}-->",
                "<!--{shopName}-->だけ", "タグなし", "", "<!--{memberName}--><!--{memberName}-->"}) {
            assertThat(NewsletterText.compile(text).render(values)).as(text).isEqualTo(NewsletterText.render(text, values));
        }
        assertThat(NewsletterText.compile("<!--{memberName}--> 様").render(Map.of("memberName", "佐藤")))
                .isEqualTo("佐藤 様");
    }

    @Test
    @DisplayName("MAIL-3: any attachment is refused with the Japanese pointer to the link way")
    void attachmentsRefused() {
        NewsletterRules.refuseAttachments(null);
        NewsletterRules.refuseAttachments(List.of());
        assertThatThrownBy(() -> NewsletterRules.refuseAttachments(List.of("a.pdf")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.rule()).isEqualTo("MAIL-3");
                    assertThat(e.field()).isEqualTo("attachments");
                    assertThat(e.getMessage()).contains("POST /api/files");
                });
    }

    @Test
    @DisplayName("a domain rate applies to the domain and its subdomains, the most specific entry wins")
    void rateLookup() {
        NewsletterProperties p = new NewsletterProperties("http://x", null, Duration.ofDays(1), 500, Duration.ofMinutes(1),
                Map.of("docomo.ne.jp", 200, "ne.jp", 900));
        assertThat(p.rateFor("docomo.ne.jp")).isEqualTo(200);
        assertThat(p.rateFor("DOCOMO.NE.JP")).isEqualTo(200);
        assertThat(p.rateFor("sub.docomo.ne.jp")).isEqualTo(200);
        assertThat(p.rateFor("ezweb.ne.jp")).isEqualTo(900);
        assertThat(p.rateFor("example.com")).isNull();
        assertThatThrownBy(() -> new NewsletterProperties("http://x", null, Duration.ofDays(1), 500, Duration.ofMinutes(1),
                Map.of("docomo.ne.jp", 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("unsubscribe links: ours verify until they expire; a changed payload, signature or key does not")
    void signedLinks() {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        NewsletterProperties p = new NewsletterProperties("http://x/", "0123456789abcdef0123456789abcdef", Duration.ofDays(90),
                500, Duration.ofMinutes(1), Map.of());
        UnsubscribeLinks links = new UnsubscribeLinks(p, Clock.fixed(now, ZoneOffset.UTC));
        String token = links.token(1, 42, 7);
        assertThat(links.url(token)).isEqualTo("http://x/newsletter/unsubscribe?t=" + token);
        assertThat(links.verify(token)).contains(new UnsubscribeLinks.Target(1, 42, 7));

        String payload = token.substring(0, token.indexOf('.'));
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1.43.7.9999999999".getBytes()) + token.substring(token.indexOf('.'));
        assertThat(links.verify(forgedPayload)).isEmpty();
        assertThat(links.verify(payload + ".AAAA")).isEmpty();
        assertThat(links.verify("garbage")).isEmpty();
        assertThat(links.verify(null)).isEmpty();
        assertThat(new UnsubscribeLinks(new NewsletterProperties("http://x", "another-key-another-key-another-key!",
                Duration.ofDays(90), 500, Duration.ofMinutes(1), Map.of()), Clock.fixed(now, ZoneOffset.UTC)).verify(token)).isEmpty();
        assertThat(new UnsubscribeLinks(p, Clock.fixed(now.plus(Duration.ofDays(91)), ZoneOffset.UTC)).verify(token))
                .as("expired").isEmpty();
        assertThatThrownBy(() -> new UnsubscribeLinks(new NewsletterProperties("http://x", "short", Duration.ofDays(1), 1,
                Duration.ofMinutes(1), Map.of()), Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
