package jp.cartflow.mail.taglanguage;

/**
 * One problem found when validating a template.
 *
 * @param part      subject or body
 * @param line      1-based line in that part
 * @param column    1-based column (in characters) where {@code tag} starts
 * @param tag       the offending text, e.g. {@code <!--{fooBar}-->} or {@code </sectionShipping>}
 * @param kind      what is wrong
 * @param messageJa message for the shop operator
 * @param messageEn the same in English
 */
public record TemplateError(TemplatePart part, int line, int column, String tag, ErrorKind kind,
                            String messageJa, String messageEn) {

    /** {@code subject} or {@code body}: the request field that carried the part. */
    public String field() {
        return part.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The stable code of what is wrong (e.g. {@code UNKNOWN_TAG}). */
    public String code() {
        return kind.name();
    }

    /** {@code 件名 3行目 5文字目: … / subject line 3, column 5: …} */
    public String message() {
        String where = part == TemplatePart.SUBJECT ? "件名" : "本文";
        String whereEn = part == TemplatePart.SUBJECT ? "subject" : "body";
        return where + " " + line + "行目 " + column + "文字目: " + messageJa
                + " / " + whereEn + " line " + line + ", column " + column + ": " + messageEn;
    }
}
