package jp.cartflow.mail.taglanguage;

/** Why a template was refused when saved (MAIL-1: an error at save time, not a blank at send time). */
enum ErrorKind {
    /** A tag name not in the catalogue, a malformed tag, or a tag of the other dialect. */
    UNKNOWN_TAG,
    /** A block tag used outside its block, e.g. {@code <!--{productId}-->} outside {@code <sectionOrderItem>}. */
    TAG_OUTSIDE_BLOCK,
    /** A block (repeating or conditional) opened and never closed. */
    UNCLOSED_BLOCK,
    /** A block end without its start, or not matching the innermost open block. */
    UNEXPECTED_BLOCK_END,
    /** A repeating block inside another repeating block (other than {@code <sectionParcel>} in {@code <sectionShipping>}). */
    NESTED_BLOCK,
    /** An unsupported strftime conversion, or a time conversion on a date-only tag. */
    BAD_DATE_PATTERN,
    /** An unknown modifier, an unquoted pattern, or date_format on a tag that is not a date. */
    BAD_MODIFIER,
    /** An attribute tag without a positive numeric id, or an id on a tag that takes none. */
    BAD_ATTRIBUTE_ID,
    /** A block or a line break in a subject (a subject is one line). */
    NOT_ALLOWED_IN_SUBJECT,
    /**
     * A conditional block ({@code <sectionIf>}, {@code <sectionIfNot>}) without {@code name="…"}, with a name that
     * is no tag, with a modifier, or with attributes on its end tag or on a repeating block.
     */
    BAD_CONDITION
}
