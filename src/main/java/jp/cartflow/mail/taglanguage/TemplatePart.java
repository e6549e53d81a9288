package jp.cartflow.mail.taglanguage;

/** Which part of a mail template a text is: subjects are one line without blocks. */
enum TemplatePart {
    SUBJECT, BODY
}
