package jp.cartflow.mail.taglanguage;

/** A rendered subject and body, still Java strings: encoding (MAIL-5) is the sender's job. */
public record RenderedMail(String subject, String body) {
}
