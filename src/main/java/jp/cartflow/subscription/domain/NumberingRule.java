package jp.cartflow.subscription.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Subscription numbers (SUB-13): the system number (1, 2, 3 …) or a custom rule — (1) a zero-padded
 * sequence of D digits, (2) a fixed string + sequence, (3) the checkout date yyyyMMdd + optional hyphen +
 * sequence. D is 5–10; when the sequence would exceed D digits it restarts at 1.
 */
public record NumberingRule(Kind kind, String prefix, Integer digits, boolean dateHyphen) {

    public enum Kind { SYSTEM, SEQUENCE, PREFIX_SEQUENCE, DATE_SEQUENCE }

    public static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_/-]{1,10}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    public NumberingRule {
        if (kind == null) {
            throw new IllegalArgumentException("numbering rule is required");
        }
        if (kind != Kind.SYSTEM && (digits == null || digits < 5 || digits > 10)) {
            throw new IllegalArgumentException("桁数は5〜10です / digits must be 5-10");
        }
        if (kind == Kind.PREFIX_SEQUENCE && (prefix == null || !PREFIX.matcher(prefix).matches())) {
            throw new IllegalArgumentException(
                    "文字列は半角英数字と - _ / で10文字以内です / prefix: up to 10 of A-Z a-z 0-9 - _ /");
        }
    }

    public static NumberingRule system() {
        return new NumberingRule(Kind.SYSTEM, null, null, false);
    }

    /** The largest sequence value of this rule (no limit for the system number). */
    public long maxSequence() {
        return kind == Kind.SYSTEM ? Long.MAX_VALUE : (long) Math.pow(10, digits) - 1;
    }

    /** Whether an initial value fits the digits. */
    public boolean accepts(long initial) {
        return initial >= 0 && initial <= maxSequence();
    }

    /** The sequence value handed out after {@code sequence}: +1, back to 1 past D digits. */
    public long following(long sequence) {
        return sequence >= maxSequence() ? 1 : sequence + 1;
    }

    /** The number for a sequence value on a checkout day (Asia/Tokyo). */
    public String format(long sequence, LocalDate checkoutDay) {
        if (kind == Kind.SYSTEM) {
            return Long.toString(sequence);
        }
        String padded = String.format("%0" + digits + "d", sequence);
        return switch (kind) {
            case SEQUENCE -> padded;
            case PREFIX_SEQUENCE -> prefix + padded;
            case DATE_SEQUENCE -> checkoutDay.format(DAY) + (dateHyphen ? "-" : "") + padded;
            case SYSTEM -> throw new IllegalStateException();
        };
    }
}
