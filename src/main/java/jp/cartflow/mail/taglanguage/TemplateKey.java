package jp.cartflow.mail.taglanguage;

/**
 * The mails that have a shipped default template, each with its dialect.
 * {@code <!--{subscriptionNo}-->} renders only with {@link MailContext#includeSubscriptionNo()} (SUB-30): a per-send
 * choice for ORDER_CONFIRMATION and SHIPPING_COMPLETE; always set it for SUBSCRIPTION_THANKS and MYPAGE_CHANGE_NOTICE.
 */
public enum TemplateKey {
    /** 注文確認メール, to the buyer. */
    ORDER_CONFIRMATION(Dialect.COMMENT_TAGS),
    /** 発送完了メール, to the buyer; per-carrier tracking URL (MAIL-2). */
    SHIPPING_COMPLETE(Dialect.COMMENT_TAGS),
    /** 定期購入お申し込みのお礼, to the member at subscription checkout (SUB-30). */
    SUBSCRIPTION_THANKS(Dialect.COMMENT_TAGS),
    /** 会員情報変更通知, to the shop on every my-page change (SUB-28). */
    MYPAGE_CHANGE_NOTICE(Dialect.COMMENT_TAGS),
    /** カード有効期限のお知らせ, to the member (SUB-29), bracket dialect. */
    CARD_EXPIRY_REMINDER(Dialect.BRACKET);

    private final Dialect dialect;

    TemplateKey(Dialect dialect) {
        this.dialect = dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The classpath resource of the default template. */
    public String resource() {
        return "mail/templates/" + name() + ".txt";
    }
}
