package jp.cartflow.mail.smtp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rendered mail, ready for the transport.
 *
 * @param messageId    our stable Message-ID, {@code <left@right>} (see {@link MessageIds#forOutbox}); sent as is
 * @param envelopeFrom SMTP {@code MAIL FROM}: the shop's bounce mailbox (BNC-1), so bounces reach the mailbox
 *                     the bounce reader consumes; may differ from {@code from}
 * @param from         the visible sender (the shop), display name optional
 * @param to           recipients, at least one (with {@code cc})
 * @param cc           copy recipients, may be empty
 * @param subject      plain text subject; RFC 2047-encoded in {@code charset} when sent (MAIL-5)
 * @param body         plain text body; any line ending (LF, CR, CRLF) is sent as CRLF
 * @param charset      {@code UTF-8} (default for templates) or {@code ISO-2022-JP} (MAIL-5), case-insensitive,
 *                     stored canonical
 * @param headers      extra headers, e.g. {@code X-Cartflow-Order}; non-ASCII values are RFC 2047-encoded;
 *                     the structural headers (From, To, Message-ID, Content-Type …) cannot be set here
 */
public record OutgoingMail(
        String messageId,
        String envelopeFrom,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        String subject,
        String body,
        String charset,
        Map<String, String> headers) {

    public static final String UTF_8 = "UTF-8";
    public static final String ISO_2022_JP = "ISO-2022-JP";

    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]+"); // RFC 5322 ftext
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "message-id", "from", "sender", "to", "cc", "bcc", "subject", "date", "return-path",
            "mime-version", "content-type", "content-transfer-encoding");

    public OutgoingMail {
        MessageIds.requireValid(messageId);
        MailAddress.of(Objects.requireNonNull(envelopeFrom, "envelopeFrom")); // same checks as any address
        Objects.requireNonNull(from, "from");
        to = List.copyOf(Objects.requireNonNullElse(to, List.of()));
        cc = List.copyOf(Objects.requireNonNullElse(cc, List.of()));
        if (to.isEmpty() && cc.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("line break in subject");
        }
        body = Objects.requireNonNullElse(body, "");
        charset = canonicalCharset(charset);
        Map<String, String> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name == null || !HEADER_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("illegal header name: " + name);
                }
                if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("header " + name + " is set by the transport");
                }
                Objects.requireNonNull(value, () -> "value of header " + name);
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    throw new IllegalArgumentException("line break in header " + name);
                }
                copy.put(name, value);
            });
        }
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Maps {@code utf-8}, {@code UTF8}, {@code iso-2022-jp} … to {@link #UTF_8} / {@link #ISO_2022_JP}. */
    public static String canonicalCharset(String charset) {
        if (charset == null) {
            return UTF_8;
        }
        String c = charset.trim().toUpperCase(Locale.ROOT);
        return switch (c) {
            case "UTF-8", "UTF8" -> UTF_8;
            case "ISO-2022-JP", "ISO2022JP", "JIS" -> ISO_2022_JP;
            default -> throw new IllegalArgumentException(
                    "unsupported mail charset " + charset + " (UTF-8 or ISO-2022-JP)");
        };
    }

    public boolean isIso2022Jp() {
        return ISO_2022_JP.equals(charset);
    }
}
