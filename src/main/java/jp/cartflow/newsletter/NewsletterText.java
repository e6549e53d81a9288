package jp.cartflow.newsletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The newsletter tag language: the shop's comment tags {@code <!--{name}-->} (as in MAIL-1) with the tags a
 * newsletter can fill. {@code <!--{unsubscribeUrl}-->} is required in the body (特定電子メール法: every
 * newsletter carries a way to opt out). Plain Java, no Spring.
 */
final class NewsletterText {

    static final String UNSUBSCRIBE_TAG = "unsubscribeUrl";
    static final Set<String> TAGS = Set.of("memberName", "memberEmail", "shopName", "senderName", "senderEmail",
            "senderAddress", UNSUBSCRIBE_TAG);
    private static final Pattern TAG = Pattern.compile("<!--\\{([^}]*)\\}-->");

    private NewsletterText() {
    }

    record Problem(String field, String message) {
    }

    /** Every problem of a subject/body pair; empty when it may be saved. */
    static List<Problem> validate(String subject, String body) {
        List<Problem> problems = new ArrayList<>();
        unknownTags("subject", subject, problems);
        unknownTags("body", body, problems);
        if (tagsOf(subject).contains(UNSUBSCRIBE_TAG)) {
            problems.add(new Problem("subject", "配信停止URL <!--{unsubscribeUrl}--> は件名には使えません"));
        }
        if (!tagsOf(body).contains(UNSUBSCRIBE_TAG)) {
            problems.add(new Problem("body", "本文に配信停止URLのタグ <!--{unsubscribeUrl}--> がありません。"
                    + "特定電子メール法により、ニュースレターには必ず配信停止の方法を記載します。"));
        }
        return problems;
    }

    private static void unknownTags(String field, String text, List<Problem> problems) {
        for (String tag : tagsOf(text)) {
            if (!TAGS.contains(tag)) {
                problems.add(new Problem(field, "ニュースレターで使えないタグです: <!--{" + tag + "}--> (使えるタグ: "
                        + String.join(", ", TAGS.stream().sorted().toList()) + ")"));
            }
        }
    }

    private static List<String> tagsOf(String text) {
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            tags.add(m.group(1).strip());
        }
        return tags;
    }

    /** Fills the tags; a tag without a value renders empty. */
    static String render(String text, Map<String, String> values) {
        Matcher m = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 128);
        while (m.find()) {
            String value = values.get(m.group(1).strip());
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A text split once into literals and tags, so a campaign renders it per member without a regex: the same
     * result as {@link #render}.
     */
    record Template(List<String> literals, List<String> tags) {

        String render(Map<String, String> values) {
            StringBuilder out = new StringBuilder(literals.stream().mapToInt(String::length).sum() + 128);
            for (int i = 0; i < tags.size(); i++) {
                String value = values.get(tags.get(i));
                out.append(literals.get(i)).append(value == null ? "" : value);
            }
            return out.append(literals.get(tags.size())).toString();
        }
    }

    static Template compile(String text) {
        List<String> literals = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        Matcher m = TAG.matcher(text);
        int at = 0;
        while (m.find()) {
            literals.add(text.substring(at, m.start()));
            tags.add(m.group(1).strip());
            at = m.end();
        }
        literals.add(text.substring(at));
        return new Template(List.copyOf(literals), List.copyOf(tags));
    }

    /** The sender block every newsletter ends with (特定電子メール法: who sends it, where, how to opt out). */
    static String footer(String senderName, String senderEmail, String postalAddress, String unsubscribeUrl) {
        return "\n\n────────────────────\n"
                + "送信者: " + senderName + "\n"
                + "住所: " + postalAddress + "\n"
                + "お問い合わせ: " + senderEmail + "\n"
                + "配信停止: " + unsubscribeUrl + "\n";
    }
}
