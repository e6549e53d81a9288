package jp.cartflow.mail.bounce.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon SES bounce notifications delivered as JSON (directly or wrapped in an SNS message, where the inner JSON
 * is escaped). Read with patterns rather than a JSON library: the parser stays free of dependencies and the
 * fields are flat.
 */
final class SesNotification {

    private static final Pattern BOUNCE_TYPE = Pattern.compile("\"bounceType\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern RECIPIENT = Pattern.compile("\\{[^{}]*\"emailAddress\"\\s*:\\s*\"([^\"]+)\"[^{}]*}");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([245]\\.\\d{1,3}\\.\\d{1,3})\"");
    private static final Pattern DIAGNOSTIC = Pattern.compile("\"diagnosticCode\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private SesNotification() {
    }

    static List<FailedRecipient> recipients(String text) {
        String json = text.replace("\\\"", "\"").replace("\\\\", "\\");
        Matcher type = BOUNCE_TYPE.matcher(json);
        if (!type.find()) {
            return List.of();
        }
        boolean permanent = type.group(1).equalsIgnoreCase("Permanent");
        int from = json.indexOf("\"bouncedRecipients\"");
        if (from < 0) {
            return List.of();
        }
        List<FailedRecipient> result = new ArrayList<>();
        Matcher m = RECIPIENT.matcher(json);
        m.region(from, json.length());
        while (m.find()) {
            String item = m.group();
            Matcher status = STATUS.matcher(item);
            Matcher diagnostic = DIAGNOSTIC.matcher(item);
            String code = status.find() ? status.group(1) : permanent ? "5.0.0" : "4.0.0";
            String why = diagnostic.find() ? diagnostic.group(1) : "SES " + type.group(1);
            result.add(BounceParser.recipient(m.group(1).toLowerCase(java.util.Locale.ROOT), code, why));
        }
        return result;
    }
}
