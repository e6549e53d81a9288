package jp.cartflow.platform.time;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Moments as people at the shop read them: Asia/Tokyo wall-clock time, whatever the JVM's default zone or the
 * injected clock's zone, e.g. {@code 2026/11/30 14:05} in a notice mail.
 */
public final class BusinessTime {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private BusinessTime() {
    }

    /** {@code 2026/11/30 14:05} in Asia/Tokyo; "" for {@code null}. */
    public static String minutes(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(TOKYO));
    }
}
