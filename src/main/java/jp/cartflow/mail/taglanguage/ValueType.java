package jp.cartflow.mail.taglanguage;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a tag's value renders and which modifiers it takes. */
enum ValueType {
    /** Text as given. */
    TEXT,
    /** Yen amount: thousands separators, no currency sign ({@code 1,234}). */
    MONEY,
    /** Count (quantity, points): thousands separators. */
    NUMBER,
    /** Calendar date; default {@code yyyy/MM/dd}; takes {@code date_format} without time conversions. */
    DATE,
    /** Date and time; default {@code yyyy/MM/dd HH:mm:ss} (Asia/Tokyo); takes {@code date_format}. */
    DATE_TIME,
    /** {@code id=N} attribute value (text; a date attribute in ISO form also takes {@code date_format}). */
    ATTRIBUTE;

    private static final DateTimeFormatter DEFAULT_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter DEFAULT_DATE_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    boolean isDate() {
        return this == DATE || this == DATE_TIME;
    }

    /** Default rendering without modifier; {@code null} renders as "". */
    String format(Object value) {
        if (value == null) {
            return "";
        }
        return switch (this) {
            case MONEY, NUMBER -> value instanceof Number n
                    ? String.format(Locale.ROOT, "%,d", n.longValue())
                    : value.toString();
            case DATE, DATE_TIME -> {
                if (value instanceof LocalDate d) {
                    yield d.format(DEFAULT_DATE);
                }
                LocalDateTime t = Strftime.toLocalDateTime(value);
                yield t.format(this == DATE ? DEFAULT_DATE : DEFAULT_DATE_TIME);
            }
            default -> value.toString();
        };
    }
}
