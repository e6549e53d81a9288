package jp.cartflow.mail.smtp;

/** Hands one mail to the outgoing mail server. */
public interface MailTransport {

    /**
     * Sends {@code mail} and returns once the server has accepted it (final reply to DATA).
     *
     * @throws MailDeliveryException when the mail was not accepted; {@link MailDeliveryException#isPermanent()}
     *                               tells whether a retry can help
     */
    SmtpReceipt send(OutgoingMail mail) throws MailDeliveryException;
}
