package jp.cartflow.mail.bounce.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;
import org.eclipse.angus.mail.dsn.DeliveryStatus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one message of the bounce mailbox and says what it is: a delivery failure (with its recipients, status,
 * reason, hard or soft), a spam complaint, an automatic reply, something else, or a message to quarantine.
 * <p>
 * Standard notices (RFC 3464 {@code message/delivery-status}) are read with Angus Mail's {@link DeliveryStatus}.
 * Notices without that part (qmail, Exim, older Sendmail and Exchange, Japanese carriers …) are read as text: the
 * part before the copy of the original message is the error report; the addresses in it, except the sender's own
 * and the servers' administrative ones, are the failed recipients, and the text after each address is its
 * diagnostic. Pure Java, no framework; thread-safe.
 */
public final class BounceParser {

    /** Larger messages are not parsed (a bounce carries at most a copy of our own mail). */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private static final Pattern ADDRESS = Pattern.compile(
            "(?:\"[^\"\\r\\n<>]{1,64}\"|[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern ENHANCED_STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern SMTP_REPLY = Pattern.compile("(?<![\\d.])([45])[0-5]\\d(?=[ -])");
    private static final Pattern ADMIN_LOCAL = Pattern.compile(
            "(?:mailer-daemon|postmaster|double-bounce|abuse|hostmaster|nobody|root)(?:[+=].*)?");
    /** Where a notice stops reporting and the copy of the original mail begins. */
    private static final Pattern COPY_START = Pattern.compile(
            "(?im)^(?:[ \\t>|]*[-=_*]{2,}.{0,60}?(?:original message|original mail|copy of|below this line|returned message"
                    + "|unsent message|message headers|undelivered message|included message|message text|headers of"
                    + "|元のメッセージ|送信したメール)"
                    + "|[ \\t]*(?:the )?original message (?:follows|headers)"
                    + "|(?:return-path|received|x-original-to|delivered-to|dkim-signature|message-id):[ \\t])");
    /** Lines of a transcript or header block whose addresses are never the failed recipient. */
    private static final Pattern NOISE_LINE = Pattern.compile(
            "(?i)^[ \\t]*(?:>>>|<<<)?[ \\t]*(?:received|message-id|from|sender|reply-to|reporting-mta|return-path|date|in-reply-to"
                    + "|references|arrival-date|dkim-signature|authentication-results|x-[\\w-]+|mail from|list-[\\w-]+"
                    + "|original-envelope-id|envelope-from|for more information|please contact|contact|to|cc|subject|sent)\\b");
    private static final Pattern HELP_BEFORE = Pattern.compile(
            "(?i)(?:contact|assistance|questions?|write to|e-?mail us at|reach us at|お問い?合わせ)[^@]{0,6}$");
    private static final Pattern HELP_AFTER = Pattern.compile("^[>\\s]{0,4}(?:へ|まで|に)(?:ご|お)?(?:連絡|問い?合わせ)");
    private static final Pattern FAILURE_SENTENCE = Pattern.compile(
            "(?i)could not be delivered|couldn't be delivered|undeliverable|delivery (?:has )?failed|was not delivered"
                    + "|届きませんでした|配信できませんでした|送信できませんでした");
    private static final Pattern BOUNCE_FROM = Pattern.compile(
            "(?i)mailer-daemon|postmaster|mail delivery|delivery (?:subsystem|system|notification)|mail ?system"
                    + "|mail administrator|mmdf|returned|bounce|システム");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile(
            "(?i)undeliver|undelivered|delivery (?:status|failure|failed|notification|problem|report|has failed)"
                    + "|returned (?:mail|to sender)|failure notice|mail delivery|could not be delivered|non[- ]?delivery"
                    + "|not delivered|delivery error|mail system error|message not delivered|rejected|nondeliverable"
                    + "|permanent (?:error|failure)|delivery notification|warning: could not send|zustellbar|不達|未配達"
                    + "|配信(?:エラー|不能|失敗)|送信(?:エラー|できません|失敗)|エラーメール|届きませんでした|配送(?:エラー|不能)");
    private static final Pattern AUTO_REPLY_SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:auto(?:matic)?[ -]?(?:reply|response|antwort)|out of (?:the )?office|vacation|away from|autoreply"
                    + "|自動(?:応答|返信)|不在)");
    private static final Pattern AFTER_DATA = Pattern.compile(
            "(?i)after\\s+end\\s+of\\s+data|>>>\\s*DATA|SMTP\\s+command:?[\\s-]*DATA|after\\s+DATA|end\\s+of\\s+DATA\\s+command"
                    + "|in\\s+reply\\s+to\\s+(?:end\\s+of\\s+)?DATA");
    private static final Pattern COMPLAINT_SUBJECT = Pattern.compile("(?i)complaint about message|abuse report|spam report");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]{0,500}>");

    static {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader (a scan of every jar) for each header
        // block and each decoded part; naming the implementation turns that into a class lookup. Same provider
        // the scan would find (Angus Mail); a value set by the operator is kept.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final int maxBytes;
    private final Session session;

    public BounceParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public BounceParser(int maxBytes) {
        this.maxBytes = maxBytes;
        Properties props = new Properties();
        // a multipart without its boundary is broken MIME, not text to guess at
        props.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
        props.setProperty("mail.mime.address.strict", "false");
        this.session = Session.getInstance(props);
    }

    public ParsedMail parse(byte[] raw) {
        if (raw.length > maxBytes) {
            return ParsedMail.quarantined(null, null, "メールが大きすぎる (%,d バイト、上限 %,d バイト)".formatted(raw.length, maxBytes));
        }
        MimeMessage message;
        String messageId = null;
        String subject = null;
        try {
            message = new MimeMessage(session, new SharedByteArrayInputStream(raw));
            messageId = message.getHeader("Message-ID", null);
            subject = decodeHeader(message.getHeader("Subject", null));
            Collected collected = new Collected();
            walk(message, collected, 0);
            return classify(message, collected, messageId, subject);
        } catch (Quarantine q) {
            return ParsedMail.quarantined(messageId, subject, q.getMessage());
        } catch (MessagingException | IOException | RuntimeException e) {
            return ParsedMail.quarantined(messageId, subject, "壊れた MIME 構造: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " — " + shorten(e.getMessage(), 200)));
        }
    }

    /** What the walk over the MIME tree found. */
    private static final class Collected {
        final List<InternetHeaders> dsnRecipients = new ArrayList<>();
        boolean deliveryStatus;
        boolean feedback;
        String feedbackRecipient;
        final StringBuilder report = new StringBuilder();
        InternetHeaders original;
    }

    private static final class Quarantine extends RuntimeException {
        Quarantine(String message) {
            super(message, null, false, false);
        }
    }

    private void walk(Part part, Collected found, int depth) throws MessagingException, IOException {
        if (depth > 8) {
            return;
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            Multipart multipart = new MimeMultipart(new jakarta.mail.util.ByteArrayDataSource(part.getInputStream(),
                    part.getContentType()));
            int count = multipart.getCount();
            for (int i = 0; i < count; i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, found, depth + 1);
            }
            return;
        }
        switch (base) {
            case "message/delivery-status", "message/global-delivery-status" -> {
                found.deliveryStatus = true;
                try (InputStream in = part.getInputStream()) {
                    DeliveryStatus status = new DeliveryStatus(in);
                    for (int i = 0; i < status.getRecipientDSNCount(); i++) {
                        found.dsnRecipients.add(status.getRecipientDSN(i));
                    }
                }
            }
            case "message/feedback-report" -> {
                found.feedback = true;
                try (InputStream in = part.getInputStream()) {
                    InternetHeaders fields = new InternetHeaders(in);
                    found.feedbackRecipient = firstAddress(fields.getHeader("Original-Rcpt-To", ","));
                    if (found.feedbackRecipient == null) {
                        found.feedbackRecipient = firstAddress(fields.getHeader("Removal-Recipient", ","));
                    }
                }
            }
            case "message/rfc822", "message/global" -> {
                if (found.original != null) {
                    return;
                }
                byte[] inner;
                try (InputStream in = part.getInputStream()) {
                    inner = in.readAllBytes();
                }
                InternetHeaders headers = new InternetHeaders(new SharedByteArrayInputStream(inner));
                String innerType = headers.getHeader("Content-Type", ",");
                if (found.dsnRecipients.isEmpty() && innerType != null
                        && innerType.toLowerCase(Locale.ROOT).contains("delivery-status")) {
                    // a notice forwarded as an attachment: read the notice inside
                    walk(new MimeMessage(session, new SharedByteArrayInputStream(inner)), found, depth + 1);
                } else {
                    found.original = headers;
                }
            }
            case "text/rfc822-headers", "message/rfc822-headers" -> {
                if (found.original == null) {
                    try (InputStream in = part.getInputStream()) {
                        found.original = new InternetHeaders(in);
                    }
                }
            }
            case "text/plain", "text/html" -> {
                if (found.original == null && !Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
                    String text = decode(part, type);
                    found.report.append(base.equals("text/html") ? HTML_TAG.matcher(text).replaceAll(" ") : text).append('\n');
                }
            }
            default -> {
                // images, signatures, attachments: nothing to read
            }
        }
    }

    private ParsedMail classify(MimeMessage message, Collected found, String messageId, String subject)
            throws MessagingException {
        String from = decodeHeader(message.getHeader("From", ","));
        String reportType = contentType(message).getParameter("report-type");
        String report = found.report.toString();
        int copyAt = copyStart(report);
        String errorText = copyAt < 0 ? report : report.substring(0, copyAt);
        InternetHeaders original = found.original != null ? found.original
                : copyAt < 0 ? null : inlineHeaders(report.substring(copyAt));
        Set<String> ours = ownAddresses(message, original);

        if (found.feedback || "feedback-report".equalsIgnoreCase(reportType)
                || (original != null && subject != null && COMPLAINT_SUBJECT.matcher(subject).find())) {
            String recipient = found.feedbackRecipient != null ? found.feedbackRecipient
                    : original == null ? null : firstAddress(original.getHeader("To", ","));
            List<FailedRecipient> who = recipient == null ? List.of()
                    : List.of(new FailedRecipient(recipient, null, Reason.COMPLAINT, false, "ARF feedback report"));
            return new ParsedMail(ParsedMail.Kind.COMPLAINT, messageId, subject, who, null);
        }

        List<FailedRecipient> failed = new ArrayList<>();
        boolean successOnly = false;
        if (!found.dsnRecipients.isEmpty()) {
            int delivered = 0;
            for (InternetHeaders dsn : found.dsnRecipients) {
                String action = lower(dsn.getHeader("Action", null));
                String address = fieldAddress(dsn.getHeader("Final-Recipient", null));
                if (address == null) {
                    address = fieldAddress(dsn.getHeader("Original-Recipient", null));
                }
                if (address == null) {
                    continue;
                }
                if (action != null && (action.startsWith("delivered") || action.startsWith("relayed")
                        || action.startsWith("expanded"))) {
                    delivered++;
                    continue;
                }
                String status = statusCode(dsn.getHeader("Status", null));
                String diagnostic = unwrap(dsn.getHeader("Diagnostic-Code", null));
                if (diagnostic == null || diagnostic.isBlank() || status == null || isGeneric(status)) {
                    String segment = segmentFor(errorText, address);
                    diagnostic = diagnostic == null || diagnostic.isBlank() ? segment : diagnostic + " " + segment;
                }
                if (status == null) {
                    status = statusIn(diagnostic);
                }
                if (status == null && action != null && action.startsWith("delayed")) {
                    status = "4.0.0";
                }
                failed.add(recipient(address, status, diagnostic, segmentFor(errorText, address)));
            }
            successOnly = failed.isEmpty() && delivered > 0;
        }
        if (successOnly) {
            return new ParsedMail(ParsedMail.Kind.NOT_BOUNCE, messageId, subject, List.of(), null);
        }
        boolean looksLikeBounce = found.deliveryStatus || report.indexOf("bounceType") >= 0 || "delivery-status".equalsIgnoreCase(reportType)
                || message.getHeader("X-Failed-Recipients") != null
                || (from != null && BOUNCE_FROM.matcher(from).find())
                || (subject != null && BOUNCE_SUBJECT.matcher(subject).find())
                // a notice that returns the original mail and says it failed, whatever its From and Subject
                || (original != null && FAILURE_SENTENCE.matcher(shorten(errorText, 1500)).find());
        if (failed.isEmpty() && !looksLikeBounce) {
            return new ParsedMail(isAutoReply(message, subject) ? ParsedMail.Kind.AUTO_REPLY : ParsedMail.Kind.NOT_BOUNCE,
                    messageId, subject, List.of(), null);
        }
        if (failed.isEmpty() && report.indexOf("bounceType") >= 0) {
            failed.addAll(SesNotification.recipients(report));
            if (failed.isEmpty()) {
                return new ParsedMail(ParsedMail.Kind.NOT_BOUNCE, messageId, subject, List.of(), null);
            }
        }
        if (failed.isEmpty()) {
            failed.addAll(fromText(message, errorText, original, ours));
        }
        if (failed.isEmpty()) {
            if (isAutoReply(message, subject)) {
                return new ParsedMail(ParsedMail.Kind.AUTO_REPLY, messageId, subject, List.of(), null);
            }
            return ParsedMail.quarantined(messageId, subject, found.deliveryStatus
                    ? "配信状態通知 (DSN) に宛先がない" : "不達通知らしいが宛先が読み取れない");
        }
        return new ParsedMail(ParsedMail.Kind.BOUNCE, messageId, subject, List.copyOf(failed), null);
    }

    /** Notices without a delivery-status part: the addresses of the error report, with the text after each. */
    private List<FailedRecipient> fromText(MimeMessage message, String errorText, InternetHeaders original,
                                           Set<String> ours) throws MessagingException {
        Map<String, Integer> candidates = new LinkedHashMap<>();
        String failedHeader = message.getHeader("X-Failed-Recipients", ",");
        if (failedHeader != null) {
            Matcher m = ADDRESS.matcher(failedHeader);
            while (m.find()) {
                String address = clean(m.group());
                int at = errorText.toLowerCase(Locale.ROOT).indexOf(address);
                candidates.putIfAbsent(address, Math.max(at, 0));
            }
        }
        if (candidates.isEmpty()) {
            int lineStart = 0;
            int length = errorText.length();
            while (lineStart < length) {
                int lineEnd = errorText.indexOf('\n', lineStart);
                if (lineEnd < 0) {
                    lineEnd = length;
                }
                String line = errorText.substring(lineStart, lineEnd);
                if (line.indexOf('@') >= 0 && !NOISE_LINE.matcher(line).find()) {
                    Matcher m = ADDRESS.matcher(line);
                    while (m.find()) {
                        String address = clean(m.group());
                        if (!ours.contains(address) && !isAdministrative(address) && !isHelpAddress(line, m, errorText, lineStart)) {
                            candidates.putIfAbsent(address, lineStart + m.start());
                        }
                    }
                }
                lineStart = lineEnd + 1;
            }
            Set<String> intended = intendedRecipients(original);
            if (candidates.isEmpty() && intended.size() == 1) {
                candidates.put(intended.iterator().next(), 0);
            }
        }
        List<FailedRecipient> result = new ArrayList<>();
        List<Map.Entry<String, Integer>> ordered = new ArrayList<>(candidates.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        for (int i = 0; i < ordered.size(); i++) {
            int from = ordered.get(i).getValue();
            int to = i + 1 < ordered.size() ? ordered.get(i + 1).getValue() : errorText.length();
            String segment = from < to ? errorText.substring(from, Math.min(to, from + 800)) : "";
            String status = statusIn(segment);
            String diagnostic = segment;
            if (status == null || segment.length() < 40) {
                // the address stands alone (a list of failed addresses): the reason is in the surrounding text
                diagnostic = segment + "\n" + shorten(errorText, 1500);
                if (status == null) {
                    status = statusIn(errorText);
                }
            }
            result.add(recipient(ordered.get(i).getKey(), status, diagnostic, segment));
        }
        return result;
    }

    static FailedRecipient recipient(String address, String status, String diagnostic) {
        return recipient(address, status, diagnostic, null);
    }

    /** @param context the report's text about this address, where the SMTP phase of the refusal may be named */
    static FailedRecipient recipient(String address, String status, String diagnostic, String context) {
        if (status == null) {
            String lower = diagnostic == null ? "" : diagnostic.toLowerCase(Locale.ROOT);
            status = lower.contains("temporar") || lower.contains("delayed") || lower.contains("will be retried")
                    || lower.contains("still trying") ? "4.0.0" : "5.0.0";
        }
        Reason reason = ReasonClassifier.classify(status, diagnostic == null ? null : shorten(diagnostic, 1500));
        // unless the status itself says "bad mailbox" (x.1.x): then the server did name the address as unknown
        if (reason == Reason.USER_UNKNOWN && !status.substring(1).startsWith(".1.")
                && ((diagnostic != null && AFTER_DATA.matcher(diagnostic).find())
                || (context != null && AFTER_DATA.matcher(context).find()))) {
            // the server accepted the recipient at RCPT and refused the content: a filter speaking, not a missing user
            reason = Reason.FILTERED;
        }
        boolean hard = reason.hard() && status.charAt(0) == '5';
        return new FailedRecipient(address, status, reason, hard, shorten(oneLine(diagnostic), 500));
    }

    /** An address the notice offers for help ("please contact <…>", "…までご連絡ください"), not a failed one. */
    private static boolean isHelpAddress(String line, Matcher address, String text, int lineStart) {
        String before = line.substring(Math.max(0, address.start() - 40), address.start());
        int end = lineStart + address.end();
        // the request may continue on the next line (a wrapped Japanese sentence)
        String after = text.substring(end, Math.min(text.length(), end + 12));
        return HELP_BEFORE.matcher(before).find() || HELP_AFTER.matcher(after).find();
    }

    private static boolean isAutoReply(MimeMessage message, String subject) throws MessagingException {
        String auto = lower(message.getHeader("Auto-Submitted", null));
        String precedence = lower(message.getHeader("Precedence", null));
        return (auto != null && auto.startsWith("auto-replied"))
                || message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                || (precedence != null && precedence.contains("auto_reply"))
                || (subject != null && AUTO_REPLY_SUBJECT.matcher(subject).find());
    }

    /** The sender side: the bounce's own addressee (our mailbox), the original From, and their relatives. */
    private static Set<String> ownAddresses(MimeMessage message, InternetHeaders original) throws MessagingException {
        Set<String> ours = new LinkedHashSet<>();
        for (String name : new String[] {"To", "Cc", "Delivered-To", "X-Original-To", "Return-Path", "From"}) {
            addAll(ours, message.getHeader(name, ","));
        }
        if (original != null) {
            for (String name : new String[] {"From", "Sender", "Return-Path", "Reply-To"}) {
                addAll(ours, original.getHeader(name, ","));
            }
        }
        return ours;
    }

    /** Whom the original mail was for: To/Cc, and the envelope recipients in its Received lines. */
    private static Set<String> intendedRecipients(InternetHeaders original) {
        Set<String> intended = new LinkedHashSet<>();
        if (original == null) {
            return intended;
        }
        addAll(intended, original.getHeader("To", ","));
        addAll(intended, original.getHeader("Cc", ","));
        String[] received = original.getHeader("Received");
        if (received != null) {
            for (String line : received) {
                int at = line.indexOf(" for ");
                if (at >= 0) {
                    addAll(intended, line.substring(at, Math.min(line.length(), at + 300)).split(";")[0]);
                }
            }
        }
        intended.removeIf(BounceParser::isAdministrative);
        return intended;
    }

    private static void addAll(Set<String> into, String header) {
        if (header == null) {
            return;
        }
        Matcher m = ADDRESS.matcher(header);
        while (m.find()) {
            into.add(clean(m.group()));
        }
    }

    private static InternetHeaders inlineHeaders(String copy) {
        InternetHeaders headers = new InternetHeaders();
        for (String line : copy.split("\n", 200)) {
            int colon = line.indexOf(':');
            if (colon > 0 && colon < 40 && !Character.isWhitespace(line.charAt(0))) {
                String name = line.substring(0, colon).strip();
                if (name.matches("(?i)to|cc|from|reply-to|sender|return-path|received")) {
                    headers.addHeader(name, line.substring(colon + 1).strip());
                }
            }
        }
        return headers;
    }

    private static int copyStart(String report) {
        Matcher m = COPY_START.matcher(report);
        return m.find() ? m.start() : -1;
    }

    /** The part of the report about one address: from its first mention, a few lines on. */
    private static String segmentFor(String errorText, String address) {
        int at = errorText.toLowerCase(Locale.ROOT).indexOf(address);
        if (at < 0) {
            return shorten(errorText, 800);
        }
        return errorText.substring(at, Math.min(errorText.length(), at + 600));
    }

    private static String statusIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ENHANCED_STATUS.matcher(text);
        String generic = null;
        while (m.find()) {
            String code = m.group(1) + "." + m.group(2) + "." + m.group(3);
            if (!isGeneric(code)) {
                return code;
            }
            if (generic == null) {
                generic = code;
            }
        }
        if (generic != null) {
            return generic;
        }
        Matcher reply = SMTP_REPLY.matcher(text);
        return reply.find() ? reply.group(1) + ".0.0" : null;
    }

    private static boolean isGeneric(String status) {
        return status.endsWith(".0.0");
    }

    private static String statusCode(String field) {
        if (field == null) {
            return null;
        }
        Matcher m = ENHANCED_STATUS.matcher(field);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
    }

    private static String fieldAddress(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        return firstAddress(semicolon >= 0 ? field.substring(semicolon + 1) : field);
    }

    private static String firstAddress(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(text);
        return m.find() ? clean(m.group()) : null;
    }

    private static String clean(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        while (a.endsWith(".")) {
            a = a.substring(0, a.length() - 1);
        }
        return a;
    }

    private static boolean isAdministrative(String address) {
        int at = address.indexOf('@');
        return at > 0 && ADMIN_LOCAL.matcher(address.substring(0, at)).matches();
    }

    private static String unwrap(String diagnostic) {
        if (diagnostic == null) {
            return null;
        }
        String d = diagnostic.replaceAll("\\s+", " ").strip();
        int semicolon = d.indexOf(';');
        return semicolon >= 0 && semicolon < 12 ? d.substring(semicolon + 1).strip() : d;
    }

    private static ContentType contentType(Part part) throws MessagingException {
        String header = part.getContentType();
        if (header == null || header.isBlank()) {
            return new ContentType("text/plain");
        }
        try {
            return new ContentType(header);
        } catch (jakarta.mail.internet.ParseException e) {
            throw new Quarantine("壊れた MIME 構造: Content-Type を読めない (" + shorten(header, 120) + ")");
        }
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    /**
     * A text part in its declared charset. An unknown charset, or bytes that are not valid in a declared charset,
     * quarantine the message: guessing could invent or lose the recipient (except the provably wrong ISO-2022-JP
     * label below). Undeclared or US-ASCII text with 8-bit bytes (common in copies of the original) is read leniently.
     */
    private static String decode(Part part, ContentType type) throws IOException, MessagingException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String declared = type.getParameter("charset");
        if (declared == null || declared.isBlank() || declared.equalsIgnoreCase("us-ascii")) {
            return lenient(bytes);
        }
        String name = declared.strip().toLowerCase(Locale.ROOT);
        if (name.equals("utf-7") || name.equals("unicode-1-1-utf-7")) {
            return Utf7.decode(bytes);
        }
        if (name.equals("iso-2022-jp") && has8BitBytes(bytes)) {
            // ISO-2022-JP is 7-bit: 8-bit bytes prove the label wrong. Japanese carriers' notices are often written
            // in EUC-JP, Shift_JIS or UTF-8 under this label; the one of those that decodes without a single error
            // is taken (addresses are ASCII in all of them, so the choice cannot change a recipient).
            String relabelled = strictlyDecoded(bytes, StandardCharsets.UTF_8, Charset.forName("EUC-JP"),
                    Charset.forName("windows-31j"));
            if (relabelled != null) {
                return relabelled;
            }
        }
        Charset charset;
        try {
            // ISO-2022-JP notices from Japanese carriers use the vendor extensions (丸数字, ローマ数字 …)
            charset = name.equals("iso-2022-jp") ? Charset.forName("x-windows-iso2022jp")
                    : Charset.forName(MimeUtility.javaCharset(declared.strip()));
        } catch (IllegalArgumentException e) {
            throw new Quarantine("不明な文字コード: " + shorten(declared, 60));
        }
        String text = new String(bytes, charset);
        int replaced = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\uFFFD') {
                replaced++;
            }
        }
        // a stray bad byte is tolerated; text mostly undecodable in its declared charset is not guessed at
        if (replaced > 8 && replaced * 20 > text.length()) {
            throw new Quarantine("文字コードが宣言 (" + shorten(declared, 60) + ") と合わない");
        }
        return text;
    }

    private static boolean has8BitBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String strictlyDecoded(byte[] bytes, Charset... candidates) {
        for (Charset candidate : candidates) {
            try {
                return candidate.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                // not this one
            }
        }
        return null;
    }

    private static String lenient(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0x1b) {
                return new String(bytes, Charset.forName("ISO-2022-JP"));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static String decodeHeader(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
