package jp.cartflow.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessTimeTest {

    private static final TimeZone ORIGINAL = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(ORIGINAL);
    }

    @ParameterizedTest(name = "JVM zone {0}")
    @ValueSource(strings = {"UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo"})
    @DisplayName("PAY-2 a moment in a notice (検知日時) is Tokyo wall-clock time to the minute, whatever the JVM zone")
    void tokyoMinutes(String jvmZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
        assertThat(BusinessTime.minutes(Instant.parse("2026-11-30T05:05:59.987Z"))).isEqualTo("2026/11/30 14:05");
        assertThat(BusinessTime.minutes(Instant.parse("2026-12-31T15:00:00Z"))).as("next day in Tokyo")
                .isEqualTo("2027/01/01 00:00");
        assertThat(BusinessTime.minutes(null)).isEmpty();
    }
}
