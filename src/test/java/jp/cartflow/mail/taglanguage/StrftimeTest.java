package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StrftimeTest {

    // 2025-03-09 is a Sunday
    private static final LocalDateTime SUNDAY_AFTERNOON = LocalDateTime.of(2025, 3, 9, 14, 5, 9);

    @Test
    @DisplayName("MAIL-1 the seed's pattern %Y年%m月%d日 %H時%M分%S秒 formats in Japanese")
    void seedPattern() {
        assertThat(Strftime.compile("%Y年%m月%d日 %H時%M分%S秒").format(SUNDAY_AFTERNOON))
                .isEqualTo("2025年03月09日 14時05分09秒");
    }

    @Test
    @DisplayName("MAIL-1 %a and %A give the Japanese weekday")
    void weekdays() {
        assertThat(Strftime.compile("%a/%A").format(SUNDAY_AFTERNOON)).isEqualTo("日/日曜日");
        assertThat(Strftime.compile("%a/%A").format(LocalDate.of(2025, 3, 10))).isEqualTo("月/月曜日");
        assertThat(Strftime.compile("%a").format(LocalDate.of(2025, 3, 15))).isEqualTo("土");
    }

    @Test
    @DisplayName("MAIL-1 every supported conversion")
    void allConversions() {
        Strftime f = Strftime.compile("%Y|%y|%m|%d|%e|%j|%H|%I|%M|%S|%p|%b|%B|%F|%T|%%");
        assertThat(f.format(SUNDAY_AFTERNOON))
                .isEqualTo("2025|25|03|09| 9|068|14|02|05|09|午後|3月|3月|2025-03-09|14:05:09|%");
        assertThat(Strftime.compile("%I %p").format(LocalDateTime.of(2025, 1, 1, 0, 30))).isEqualTo("12 午前");
        assertThat(Strftime.compile("%I %p").format(LocalDateTime.of(2025, 1, 1, 12, 0))).isEqualTo("12 午後");
    }

    @Test
    @DisplayName("MAIL-1 instants and zoned values are shown in Asia/Tokyo, local values as they are")
    void zones() {
        Strftime f = Strftime.compile("%Y/%m/%d %H:%M (%a)");
        Instant utcEvening = Instant.parse("2025-03-08T20:30:00Z");
        assertThat(f.format(utcEvening)).isEqualTo("2025/03/09 05:30 (日)");
        assertThat(f.format(OffsetDateTime.of(2025, 3, 8, 20, 30, 0, 0, ZoneOffset.UTC))).isEqualTo("2025/03/09 05:30 (日)");
        assertThat(f.format(ZonedDateTime.of(2025, 3, 8, 12, 30, 0, 0, ZoneId.of("Europe/Berlin"))))
                .isEqualTo("2025/03/08 20:30 (土)");
        assertThat(f.format(LocalDateTime.of(2025, 3, 8, 20, 30))).isEqualTo("2025/03/08 20:30 (土)");
        assertThat(f.format(LocalDate.of(2025, 3, 8))).isEqualTo("2025/03/08 00:00 (土)");
    }

    @Test
    @DisplayName("MAIL-1 an unknown conversion or a trailing % is a bad date pattern")
    void badConversions() {
        assertThat(Strftime.findError("%Y年%Q")).contains("%Q");
        assertThat(Strftime.findError("%Y%")).contains("%");
        assertThat(Strftime.findError("%Y年%m月")).isEmpty();
        assertThatThrownBy(() -> Strftime.compile("%x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("%x");
    }

    @Test
    @DisplayName("MAIL-1 time conversions are detected so date-only tags can refuse them")
    void usesTime() {
        assertThat(Strftime.compile("%Y年%m月%d日(%a)").usesTime()).isFalse();
        assertThat(Strftime.compile("%H時").usesTime()).isTrue();
        assertThat(Strftime.compile("100%%").usesTime()).isFalse();
    }

    @Test
    @DisplayName("MAIL-1 a value that is not a date is refused")
    void notADate() {
        assertThatThrownBy(() -> Strftime.compile("%Y").format(java.time.Year.of(2025)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
