package jp.cartflow.mail.bounce.parse;

/**
 * One recipient a notice reports as failed.
 *
 * @param address    lower-cased mail address
 * @param status     enhanced status code (RFC 3463, e.g. {@code 5.1.1}), or {@code null} when the notice has none
 * @param reason     what the notice says went wrong
 * @param hard       a hard bounce (the address is gone) rather than a soft one
 * @param diagnostic the server's own words, shortened, for the operator
 */
public record FailedRecipient(String address, String status, Reason reason, boolean hard, String diagnostic) {
}
