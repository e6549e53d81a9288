package jp.cartflow.reliability;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's own cycle calendar (what a timer start event uses) evaluating our timer definitions with the JVM
 * set to a daylight-saving zone or UTC: the reconciliation run (PAY-2) and the card-expiry reminder fire once a day
 * at their Asia/Tokyo times through a whole year, across spring-forward and fall-back in New York and Berlin —
 * none missed, none twice.
 */
class TimerZonesTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final TimeZone ORIGINAL = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(ORIGINAL);
        ClockUtil.reset();
    }

    static Stream<Arguments> timers() throws Exception {
        String reconciliation = "R/2026-01-01T02:00:00+09:00/PT24H";
        String reminder = timeCycle("bpmn/CardExpiryReminderProcess.bpmn");
        List<Arguments> all = new ArrayList<>();
        for (String zone : List.of("America/New_York", "Europe/Berlin", "UTC")) {
            all.add(Arguments.of(zone, "reconciliation (cartflow.payment.reconciliation-cycle default)",
                    shippedReconciliationCycle(reconciliation), LocalTime.of(2, 0)));
            all.add(Arguments.of(zone, "card-expiry reminder (CardExpiryReminderProcess)", reminder, LocalTime.of(9, 0)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1} = {2}")
    @MethodSource("timers")
    @DisplayName("PAY-2 daily timers fire at their Tokyo time in any JVM zone, across DST, once a day")
    void firesAtTokyoTime(String jvmZone, String what, String cycle, LocalTime tokyoTime) {
        TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
        CycleBusinessCalendar calendar = new CycleBusinessCalendar();
        Date from = Date.from(ZonedDateTime.of(2026, 1, 2, 12, 0, 0, 0, TOKYO).toInstant());
        ClockUtil.setCurrentTime(from);
        Date previous = calendar.resolveDuedate(cycle, from);
        for (int day = 0; day < 366; day++) {
            ZonedDateTime fire = previous.toInstant().atZone(TOKYO);
            assertThat(fire.toLocalTime()).as("%s fire %d at %s (JVM %s)", what, day, fire, jvmZone).isEqualTo(tokyoTime);
            ClockUtil.setCurrentTime(previous);
            Date next = calendar.resolveDuedate(cycle, previous);
            assertThat(Duration.between(previous.toInstant(), next.toInstant()))
                    .as("%s: one day after %s (JVM %s)", what, fire, jvmZone).isEqualTo(Duration.ofHours(24));
            previous = next;
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"America/New_York", "Europe/Berlin", "UTC"})
    @DisplayName("SUB-4 generation times: 05:00 Tokyo on every day of 2026 in any JVM zone, one per delivery date, none twice")
    void generationTimes(String jvmZone) {
        TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
        jp.cartflow.subscription.domain.GenerationTiming timing =
                new jp.cartflow.subscription.domain.GenerationTiming(LocalTime.of(5, 0), TOKYO);
        java.time.Instant previous = null;
        for (java.time.LocalDate delivery = java.time.LocalDate.of(2026, 1, 8);
             delivery.isBefore(java.time.LocalDate.of(2027, 1, 8)); delivery = delivery.plusDays(1)) {
            java.time.Instant at = timing.generationAt(delivery, 7);
            // what the process hands the timer: a java.util.Date, an instant whatever the JVM zone
            ZonedDateTime fire = Date.from(at).toInstant().atZone(TOKYO);
            assertThat(fire.toLocalTime()).as("delivery %s (JVM %s)", delivery, jvmZone).isEqualTo(LocalTime.of(5, 0));
            assertThat(fire.toLocalDate()).isEqualTo(delivery.minusDays(7));
            if (previous != null) {
                assertThat(Duration.between(previous, at)).isEqualTo(Duration.ofHours(24));
            }
            previous = at;
        }
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"America/New_York", "Europe/Berlin", "UTC"})
    @DisplayName("history cleanup window 01:00–04:30 is Tokyo time in any JVM zone (before the 05:00 burst)")
    void historyCleanupWindow(String jvmZone) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(jvmZone));
        for (String line : java.nio.file.Files.readAllLines(new File("src/main/resources/application.yaml").toPath())) {
            String setting = line.strip();
            if (setting.startsWith("historyCleanupBatchWindowStartTime:") || setting.startsWith("historyCleanupBatchWindowEndTime:")) {
                String value = setting.substring(setting.indexOf('"') + 1, setting.lastIndexOf('"'));
                Date parsed = org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupHelper
                        .parseTimeConfiguration(value);
                LocalTime tokyo = parsed.toInstant().atZone(TOKYO).toLocalTime();
                assertThat(tokyo).as("%s in JVM %s", setting, jvmZone)
                        .isEqualTo(setting.startsWith("historyCleanupBatchWindowStart") ? LocalTime.of(1, 0) : LocalTime.of(4, 30));
            }
        }
    }

    private static String shippedReconciliationCycle(String fallback) throws Exception {
        for (String line : java.nio.file.Files.readAllLines(new File("src/main/resources/application.yaml").toPath())) {
            if (line.strip().startsWith("reconciliation-cycle:")) {
                String value = line.substring(line.indexOf("CARTFLOW_RECONCILIATION_CYCLE:") + 30);
                return value.substring(0, value.lastIndexOf('}'));
            }
        }
        return fallback;
    }

    private static String timeCycle(String bpmn) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new File(bpmn))
                .getElementsByTagNameNS("*", "timeCycle").item(0).getTextContent().strip();
    }
}
