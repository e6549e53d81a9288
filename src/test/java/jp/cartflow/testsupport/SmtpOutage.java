package jp.cartflow.testsupport;

import jp.cartflow.mail.smtp.MailDeliveryException;
import jp.cartflow.mail.smtp.MailTransport;
import jp.cartflow.mail.smtp.OutgoingMail;
import jp.cartflow.mail.smtp.SmtpMailTransport;
import jp.cartflow.mail.smtp.SmtpProperties;
import jp.cartflow.mail.smtp.SmtpReceipt;

import java.time.Duration;

/**
 * The application's SMTP transport, with a switch that sends to a port where no server listens: a real
 * connection refusal, as in an outage of the mail server — not a mock.
 */
public class SmtpOutage implements MailTransport {

    private final MailTransport real;
    private final MailTransport nobodyListening;
    private volatile boolean down;

    public SmtpOutage(SmtpProperties properties) {
        this.real = new SmtpMailTransport(properties);
        this.nobodyListening = new SmtpMailTransport(new SmtpProperties("127.0.0.1", TestDatabases.freePort(),
                null, null, false, false, Duration.ofSeconds(2), Duration.ofSeconds(2), null,
                properties.messageIdDomain()));
    }

    public void begin() {
        down = true;
    }

    public void end() {
        down = false;
    }

    @Override
    public SmtpReceipt send(OutgoingMail mail) throws MailDeliveryException {
        return (down ? nobodyListening : real).send(mail);
    }
}
