package jp.cartflow.mail.taglanguage;

/** The two template dialects. A template is written in exactly one of them. */
enum Dialect {
    /** {@code <!--{name}-->} tags, {@code <sectionOrderItem>}/{@code <sectionShipping>} blocks (MAIL-1). */
    COMMENT_TAGS,
    /** {@code [MEMBER_NAME]} style tags of the card-expiry reminder (SUB-29); no blocks, no modifiers. */
    BRACKET
}
