package jp.cartflow.newsletter;

import jp.cartflow.platform.errors.DomainException;

import java.util.List;

/** The save-time rules of newsletter texts: MAIL-3 (no attachments) and the unsubscribe tag (特定電子メール法). */
final class NewsletterRules {

    static final String NO_ATTACHMENTS = "ニュースレターにはファイルを添付できません (MAIL-3)。"
            + "ファイルは POST /api/files でアップロードし、返ってきたURLを本文に記載してください。";

    private NewsletterRules() {
    }

    static void refuseAttachments(List<?> attachments) {
        if (attachments != null && !attachments.isEmpty()) {
            throw DomainException.rule("MAIL-3", "attachments", NO_ATTACHMENTS);
        }
    }

    static void requireValidText(String subject, String body) {
        List<NewsletterText.Problem> problems = NewsletterText.validate(subject, body);
        if (!problems.isEmpty()) {
            NewsletterText.Problem first = problems.get(0);
            throw DomainException.invalid(first.field(), first.message());
        }
    }
}
