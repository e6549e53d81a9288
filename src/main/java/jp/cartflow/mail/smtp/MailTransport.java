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

    /**
     * A connection for many mails in a row (newsletter batches): the SMTP transport keeps one session open
     * instead of connecting per mail. This default sends each mail on its own, for transports without sessions.
     */
    default Connection openConnection() {
        return new Connection() {
            @Override
            public SmtpReceipt send(OutgoingMail mail) throws MailDeliveryException {
                return MailTransport.this.send(mail);
            }

            @Override
            public void close() {
            }
        };
    }

    /** Not thread-safe: one batch, one thread. */
    interface Connection extends AutoCloseable {
        SmtpReceipt send(OutgoingMail mail) throws MailDeliveryException;

        @Override
        void close();
    }
}
