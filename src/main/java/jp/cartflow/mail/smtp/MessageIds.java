package jp.cartflow.mail.smtp;

import java.util.regex.Pattern;

/** Our stable Message-IDs (RFC 5322 {@code msg-id}: {@code <id-left@id-right>}). */
public final class MessageIds {

    /** dot-atom-text of RFC 5322 (atext runs separated by single dots). */
    private static final String DOT_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
    private static final Pattern MESSAGE_ID = Pattern.compile("<" + DOT_ATOM + "@" + DOT_ATOM + ">");
    private static final Pattern UUID_PART = Pattern.compile("[A-Za-z0-9-]+");

    private MessageIds() {
    }

    /**
     * {@code <outbox-42.3f2a…@cartflow.local>}: the outbox row id plus a UUID fixed when the row was created,
     * so every retry of the same outbox row sends the same Message-ID (a recipient, or we, can spot
     * duplicates) while ids never collide across databases.
     */
    public static String forOutbox(long outboxId, String uuid, String domain) {
        if (outboxId < 0) {
            throw new IllegalArgumentException("outboxId must not be negative: " + outboxId);
        }
        if (uuid == null || !UUID_PART.matcher(uuid).matches()) {
            throw new IllegalArgumentException("uuid must be letters, digits and hyphens: " + uuid);
        }
        String id = "<outbox-" + outboxId + "." + uuid + "@" + domain + ">";
        requireValid(id);
        return id;
    }

    /** True for a syntactically valid {@code <left@right>} Message-ID (dot-atom on both sides). */
    public static boolean isValid(String messageId) {
        return messageId != null && MESSAGE_ID.matcher(messageId).matches();
    }

    static String requireValid(String messageId) {
        if (!isValid(messageId)) {
            throw new IllegalArgumentException("not a valid Message-ID <left@right>: " + messageId);
        }
        return messageId;
    }
}
