package jp.cartflow.mail.taglanguage;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A compiled strftime pattern as used by {@code |date_format:'…'} (MAIL-1), formatting with java.time in
 * Japanese.
 *
 * <table>
 *   <caption>Conversions</caption>
 *   <tr><td>%Y</td><td>year, 4 digits</td></tr><tr><td>%y</td><td>year, 2 digits</td></tr>
 *   <tr><td>%m</td><td>month 01–12</td></tr><tr><td>%d</td><td>day 01–31</td></tr>
 *   <tr><td>%e</td><td>day, space-padded " 1"–"31"</td></tr><tr><td>%j</td><td>day of year 001–366</td></tr>
 *   <tr><td>%H</td><td>hour 00–23</td></tr><tr><td>%I</td><td>hour 01–12</td></tr>
 *   <tr><td>%M</td><td>minute</td></tr><tr><td>%S</td><td>second</td></tr><tr><td>%p</td><td>午前/午後</td></tr>
 *   <tr><td>%a</td><td>日, 月 … 土</td></tr><tr><td>%A</td><td>日曜日 … 土曜日</td></tr>
 *   <tr><td>%b, %B</td><td>1月 … 12月</td></tr><tr><td>%F</td><td>%Y-%m-%d</td></tr>
 *   <tr><td>%T</td><td>%H:%M:%S</td></tr><tr><td>%%</td><td>%</td></tr>
 * </table>
 * Any other conversion, or a lone {@code %} at the end, is refused by {@link #compile(String)}.
 * Instants and offset/zoned values are shown in Asia/Tokyo; {@code LocalDateTime} and {@code LocalDate}
 * as they are ({@code LocalDate} at 00:00).
 */
final class Strftime {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final String CONVERSIONS = "YymdejHIMSpaAbBFT%";
    private static final String TIME_CONVERSIONS = "HIMSpT";
    private static final String[] WEEKDAYS = {"日", "月", "火", "水", "木", "金", "土"};

    private final String pattern;
    /** Literal text as String, conversions as Character. */
    private final List<Object> parts;

    private Strftime(String pattern, List<Object> parts) {
        this.pattern = pattern;
        this.parts = List.copyOf(parts);
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException naming the first unsupported conversion
     */
    public static Strftime compile(String pattern) {
        Optional<String> error = findError(pattern);
        if (error.isPresent()) {
            throw new IllegalArgumentException("unsupported date conversion " + error.get() + " in '" + pattern + "'");
        }
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%') {
                char conversion = pattern.charAt(++i);
                if (conversion == '%') {
                    literal.append('%');
                    continue;
                }
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(conversion);
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new Strftime(pattern, parts);
    }

    /** The first unsupported conversion (e.g. {@code "%Q"}, or {@code "%"} at the end), if any. */
    public static Optional<String> findError(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '%') {
                if (i + 1 >= pattern.length()) {
                    return Optional.of("%");
                }
                char conversion = pattern.charAt(++i);
                if (CONVERSIONS.indexOf(conversion) < 0) {
                    return Optional.of("%" + conversion);
                }
            }
        }
        return Optional.empty();
    }

    public String pattern() {
        return pattern;
    }

    /** Whether the pattern shows a time of day (%H %I %M %S %p %T); such a pattern is refused on date-only tags. */
    public boolean usesTime() {
        return parts.stream().anyMatch(p -> p instanceof Character c && TIME_CONVERSIONS.indexOf(c) >= 0);
    }

    /**
     * Formats a date value.
     *
     * @throws IllegalArgumentException when the value is not one of Instant, OffsetDateTime, ZonedDateTime,
     *                                  LocalDateTime, LocalDate
     */
    public String format(TemporalAccessor value) {
        LocalDateTime t = toLocalDateTime(value);
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.append(s);
            } else {
                out.append(convert((Character) part, t));
            }
        }
        return out.toString();
    }

    /** Normalises a date value to local date-time: zoned values in Asia/Tokyo, LocalDate at start of day. */
    static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, TOKYO);
        }
        if (value instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(TOKYO).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(TOKYO).toLocalDateTime();
        }
        if (value instanceof LocalDateTime l) {
            return l;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        throw new IllegalArgumentException("not a date value: "
                + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    private static String convert(char conversion, LocalDateTime t) {
        return switch (conversion) {
            case 'Y' -> String.format("%04d", t.getYear());
            case 'y' -> String.format("%02d", Math.floorMod(t.getYear(), 100));
            case 'm' -> String.format("%02d", t.getMonthValue());
            case 'd' -> String.format("%02d", t.getDayOfMonth());
            case 'e' -> String.format("%2d", t.getDayOfMonth());
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'H' -> String.format("%02d", t.getHour());
            case 'I' -> String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'M' -> String.format("%02d", t.getMinute());
            case 'S' -> String.format("%02d", t.getSecond());
            case 'p' -> t.getHour() < 12 ? "午前" : "午後";
            case 'a' -> weekday(t.getDayOfWeek());
            case 'A' -> weekday(t.getDayOfWeek()) + "曜日";
            case 'b', 'B' -> t.getMonthValue() + "月";
            case 'F' -> String.format("%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            case 'T' -> String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
            default -> throw new IllegalStateException("unchecked conversion %" + conversion);
        };
    }

    private static String weekday(DayOfWeek day) {
        return WEEKDAYS[day.getValue() % 7];
    }

    @Override
    public String toString() {
        return "Strftime[" + pattern + "]";
    }
}
