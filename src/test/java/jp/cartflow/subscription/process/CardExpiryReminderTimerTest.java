package jp.cartflow.subscription.process;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SUB-29: the card-expiry reminder runs every morning at 09:00 Asia/Tokyo whatever the server's zone. The timer of
 * the model is evaluated by the engine's own duration helper, with the JVM's default zone set to zones with and
 * without summer time.
 */
class CardExpiryReminderTimerTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final TimeZone original = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(original);
    }

    private static String timeCycle() throws Exception {
        String bpmn = Files.readString(Path.of("bpmn/CardExpiryReminderProcess.bpmn"));
        Matcher m = Pattern.compile("<bpmn:timeCycle[^>]*>([^<]+)</bpmn:timeCycle>").matcher(bpmn);
        assertThat(m.find()).isTrue();
        return m.group(1).strip();
    }

    @ParameterizedTest(name = "JVM zone {0}, now {1} → next run {2} (Tokyo)")
    @CsvSource({
            "UTC,                 2026-12-01T10:00+09:00[Asia/Tokyo], 2026-12-02T09:00",
            "UTC,                 2026-12-01T08:59+09:00[Asia/Tokyo], 2026-12-01T09:00",
            "America/New_York,    2027-03-14T12:00+09:00[Asia/Tokyo], 2027-03-15T09:00",
            "America/New_York,    2027-07-01T09:30+09:00[Asia/Tokyo], 2027-07-02T09:00",
            "Europe/Berlin,       2027-10-31T05:00+09:00[Asia/Tokyo], 2027-10-31T09:00",
            "Europe/Berlin,       2027-11-01T10:00+09:00[Asia/Tokyo], 2027-11-02T09:00"})
    @DisplayName("SUB-29 the reminder's timer fires at 09:00 Tokyo in a non-Tokyo JVM zone, summer time or not")
    void nineInTokyo(String jvmZone, String now, String expectedTokyo) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
        ZonedDateTime at = ZonedDateTime.parse(now);
        DurationHelper helper = new DurationHelper(timeCycle(), Date.from(at.toInstant()));
        Date next = helper.getDateAfter(Date.from(at.toInstant()));
        assertThat(next.toInstant().atZone(TOKYO).toLocalDateTime().toString()).isEqualTo(expectedTokyo);
    }
}
