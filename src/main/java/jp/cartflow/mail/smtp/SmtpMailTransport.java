package jp.cartflow.mail.smtp;

import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * {@link MailTransport} over SMTP with Jakarta Mail (Eclipse Angus). {@link #send} opens one connection per mail
 * and is thread-safe; {@link #openConnection()} keeps one connection for a batch (reconnecting once when the
 * server dropped it).
 *
 * <p>What goes on the wire (MAIL-5):
 * <ul>
 *   <li>Subject and non-ASCII extra header values: RFC 2047 "B" encoded words in the mail's charset
 *       ({@code =?ISO-2022-JP?B?…?=} / {@code =?UTF-8?B?…?=}), folded at 76 columns; an all-ASCII subject is
 *       sent as is. Display names: RFC 2047 in the mail's charset.</li>
 *   <li>Body: {@code text/plain; charset=…}. ISO-2022-JP: {@code Content-Transfer-Encoding: 7bit} (the
 *       encoded bytes are 7-bit by construction; if a line would exceed the 998-octet SMTP limit, base64
 *       instead). UTF-8: always base64 — one predictable format for every mail (MAIL-4 forwards mails to
 *       inventory tools that parse them), no 8-bit data, no dependence on 8BITMIME.</li>
 *   <li>Line endings: every CR, LF or CRLF of the body becomes CRLF before encoding, so the decoded body is
 *       the CRLF form of the input; a body not ending in a line break gets a final CRLF (SMTP would add it to a
 *       7bit body anyway, so both encodings decode alike).</li>
 *   <li>ISO-2022-JP text is checked first ({@link CharsetCheck}); a character the charset cannot carry is a
 *       permanent failure naming the character — nothing is replaced by {@code ?}.</li>
 *   <li>Message-ID: exactly {@link OutgoingMail#messageId()} (Jakarta Mail would otherwise invent one on
 *       every {@code saveChanges()}). Date: now, from the injected clock.</li>
 *   <li>Envelope: {@code MAIL FROM:<envelopeFrom>} (the bounce mailbox, BNC-1), {@code RCPT TO} for to + cc.</li>
 * </ul>
 *
 * <p>Failure mapping: any SMTP reply code found on the failure (the exception itself, its chained
 * {@link SMTPAddressFailedException}s, or for AUTH failures the transport's last reply) decides — 5xx
 * permanent, 4xx transient. No reply code (connection refused, timeout, connection dropped) → transient. A mail
 * that cannot be built (unencodable character) → permanent without a code.
 */
public class SmtpMailTransport implements MailTransport {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final int MAX_LINE_OCTETS = 998;

    private final SmtpProperties properties;
    private final Session session;
    private final Clock clock;

    public SmtpMailTransport(SmtpProperties properties) {
        this(properties, Clock.systemDefaultZone());
    }

    public SmtpMailTransport(SmtpProperties properties, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = Session.getInstance(sessionProperties(properties));
    }

    /** The Jakarta Mail session settings derived from {@code p} (visible for tests and diagnostics). */
    static Properties sessionProperties(SmtpProperties p) {
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", "smtp");
        props.setProperty("mail.smtp.host", p.host());
        props.setProperty("mail.smtp.port", Integer.toString(p.port()));
        props.setProperty("mail.smtp.connectiontimeout", Long.toString(p.connectTimeout().toMillis()));
        props.setProperty("mail.smtp.timeout", Long.toString(p.readTimeout().toMillis()));
        props.setProperty("mail.smtp.writetimeout", Long.toString(p.readTimeout().toMillis()));
        props.setProperty("mail.smtp.auth", Boolean.toString(p.authenticates()));
        if (p.startTls()) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        if (p.ssl()) {
            props.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (p.startTls() || p.ssl()) {
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (p.heloDomain() != null) {
            props.setProperty("mail.smtp.localhost", p.heloDomain());
        }
        // never fall back to 8-bit: everything we send is 7bit or base64 anyway
        props.setProperty("mail.smtp.allow8bitmime", "false");
        return props;
    }

    public SmtpProperties properties() {
        return properties;
    }

    @Override
    public SmtpReceipt send(OutgoingMail mail) throws MailDeliveryException {
        Objects.requireNonNull(mail, "mail");
        SMTPMessage message = buildMessage(mail);
        Address[] recipients;
        try {
            recipients = message.getAllRecipients();
        } catch (MessagingException e) {
            throw MailDeliveryException.permanent("cannot read recipients: " + e.getMessage(), e);
        }

        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
        } catch (MessagingException e) {
            throw MailDeliveryException.permanent("no SMTP provider: " + e.getMessage(), e);
        }
        try {
            transport.connect(properties.host(), properties.port(), properties.username(),
                    properties.authenticates() ? properties.password() : null);
            transport.sendMessage(message, recipients);
            String reply = trim(transport.getLastServerResponse());
            int code = transport.getLastReturnCode();
            return new SmtpReceipt(mail.messageId(), code, reply);
        } catch (MessagingException e) {
            throw toDeliveryException(mail, e, transport);
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the mail was accepted (or already failed); a failing QUIT changes nothing
            }
        }
    }

    @Override
    public Connection openConnection() {
        return new ReusedConnection();
    }

    /** One SMTP session for many mails: connects lazily, reconnects when the server closed it between mails. */
    private final class ReusedConnection implements Connection {

        private SMTPTransport transport;

        @Override
        public SmtpReceipt send(OutgoingMail mail) throws MailDeliveryException {
            SMTPMessage message = buildMessage(mail);
            boolean reused = transport != null;
            try {
                return sendOnce(mail, message);
            } catch (MailDeliveryException failure) {
                if (failure.isPermanent() || !reused) {
                    throw failure;
                }
                // the server may have closed an idle connection: one fresh connection, one more try
                return sendOnce(mail, message);
            }
        }

        private SmtpReceipt sendOnce(OutgoingMail mail, SMTPMessage message) throws MailDeliveryException {
            try {
                // no isConnected(): Angus answers it with a NOOP round trip per mail; a dropped connection shows
                // as a failure instead, which closes it so the next attempt connects again
                if (transport == null) {
                    transport = (SMTPTransport) session.getTransport("smtp");
                    transport.connect(properties.host(), properties.port(), properties.username(),
                            properties.authenticates() ? properties.password() : null);
                }
                transport.sendMessage(message, message.getAllRecipients());
                return new SmtpReceipt(mail.messageId(), transport.getLastReturnCode(),
                        trim(transport.getLastServerResponse()));
            } catch (MessagingException e) {
                MailDeliveryException failure = toDeliveryException(mail, e, transport);
                if (!failure.isPermanent()) {
                    close();
                }
                throw failure;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // a failing QUIT changes nothing
                }
                transport = null;
            }
        }
    }

    SMTPMessage buildMessage(OutgoingMail mail) throws MailDeliveryException {
        String charset = mail.charset();
        boolean jis = mail.isIso2022Jp();
        String subject = jis ? CharsetCheck.toJisMapping(mail.subject()) : mail.subject();
        String body = toCrlf(jis ? CharsetCheck.toJisMapping(mail.body()) : mail.body());

        requireEncodable("subject", mail.subject(), charset);
        requireEncodable("body", mail.body(), charset);
        if (mail.from().displayName() != null) {
            requireEncodable("From display name", mail.from().displayName(), charset);
        }
        for (MailAddress a : concat(mail.to(), mail.cc())) {
            if (a.displayName() != null) {
                requireEncodable("display name of " + a.address(), a.displayName(), charset);
            }
        }
        for (Map.Entry<String, String> h : mail.headers().entrySet()) {
            requireEncodable("header " + h.getKey(), h.getValue(), charset);
        }

        try {
            SMTPMessage message = new FixedIdMessage(session, mail.messageId());
            message.setEnvelopeFrom(mail.envelopeFrom());
            message.setFrom(internetAddress(mail.from(), charset));
            message.setRecipients(Message.RecipientType.TO, internetAddresses(mail.to(), charset));
            if (!mail.cc().isEmpty()) {
                message.setRecipients(Message.RecipientType.CC, internetAddresses(mail.cc(), charset));
            }
            message.setHeader("Subject", MimeUtility.fold(9, MimeUtility.encodeText(subject, charset, "B")));
            message.setSentDate(Date.from(clock.instant()));
            for (Map.Entry<String, String> h : mail.headers().entrySet()) {
                String value = jis ? CharsetCheck.toJisMapping(h.getValue()) : h.getValue();
                message.setHeader(h.getKey(),
                        MimeUtility.fold(h.getKey().length() + 2, MimeUtility.encodeText(value, charset, "B")));
            }
            message.setText(body, charset); // Content-Type: text/plain; charset=…
            message.setHeader("Content-Transfer-Encoding", transferEncoding(body, charset, jis));
            message.saveChanges();
            return message;
        } catch (UnsupportedEncodingException | MessagingException e) {
            throw MailDeliveryException.permanent("cannot build mail " + mail.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static String transferEncoding(String crlfBody, String charset, boolean jis) {
        if (!jis) {
            return "base64";
        }
        byte[] bytes = crlfBody.getBytes(Charset.forName(charset));
        int lineLength = 0;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                lineLength = 0;
            } else if (++lineLength > MAX_LINE_OCTETS) {
                return "base64";
            }
        }
        return "7bit";
    }

    private static void requireEncodable(String what, String text, String charset) throws MailDeliveryException {
        Optional<CharsetCheck.Unencodable> bad = CharsetCheck.firstUnencodable(text, charset);
        if (bad.isPresent()) {
            throw MailDeliveryException.permanent(
                    "character " + bad.get().describe() + " of the " + what + " cannot be sent as " + charset, null);
        }
    }

    /**
     * Normalises every line break (CRLF, lone CR, lone LF) to CRLF and ends a non-empty text with CRLF (SMTP
     * adds one before the terminating dot anyway; doing it here makes 7bit and base64 bodies decode the same).
     */
    static String toCrlf(String text) {
        String crlf = LINE_BREAK.matcher(text).replaceAll("\r\n");
        return crlf.isEmpty() || crlf.endsWith("\r\n") ? crlf : crlf + "\r\n";
    }

    private static InternetAddress internetAddress(MailAddress a, String charset) throws UnsupportedEncodingException {
        String name = a.displayName();
        if (name != null && OutgoingMail.ISO_2022_JP.equals(charset)) {
            name = CharsetCheck.toJisMapping(name);
        }
        // this constructor does not re-parse the address: legacy docomo/au addresses stay usable
        return new InternetAddress(a.address(), name, charset);
    }

    private static InternetAddress[] internetAddresses(List<MailAddress> list, String charset)
            throws UnsupportedEncodingException {
        InternetAddress[] out = new InternetAddress[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = internetAddress(list.get(i), charset);
        }
        return out;
    }

    private static List<MailAddress> concat(List<MailAddress> a, List<MailAddress> b) {
        List<MailAddress> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static MailDeliveryException toDeliveryException(OutgoingMail mail, MessagingException e,
            SMTPTransport transport) {
        String prefix = "SMTP delivery of " + mail.messageId() + " failed: ";
        // 1. the exception (or one chained to it) carries the reply
        for (Exception cur = e; cur != null;
                cur = cur instanceof MessagingException me ? me.getNextException() : null) {
            if (cur instanceof SMTPSendFailedException sf && isReplyCode(sf.getReturnCode())) {
                return MailDeliveryException.fromReply(prefix + trim(sf.getMessage()), sf.getReturnCode(),
                        trim(sf.getMessage()), e);
            }
            if (cur instanceof SMTPAddressFailedException af && isReplyCode(af.getReturnCode())) {
                String reply = trim(af.getMessage());
                return MailDeliveryException.fromReply(
                        prefix + "recipient " + af.getAddress() + " refused: " + reply, af.getReturnCode(), reply, e);
            }
        }
        // 2. e.g. AuthenticationFailedException (535) has no code of its own; the transport knows the last reply.
        //    Only a failure code counts: a 2xx/3xx there is the reply *before* a dropped connection or timeout.
        int last = transport == null ? -1 : transport.getLastReturnCode();
        if (isReplyCode(last)) {
            String reply = trim(transport.getLastServerResponse());
            return MailDeliveryException.fromReply(prefix + reply, last, reply, e);
        }
        // 3. no reply: connection refused, timeout, connection lost → retry later
        return MailDeliveryException.retryable(prefix + describe(e), e);
    }

    private static boolean isReplyCode(int code) {
        return code >= 400 && code <= 599;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            sb.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return sb.toString();
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    /** An SMTPMessage that keeps the caller's Message-ID through {@code saveChanges()}. */
    private static final class FixedIdMessage extends SMTPMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
