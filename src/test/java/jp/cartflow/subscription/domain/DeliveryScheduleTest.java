package jp.cartflow.subscription.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryScheduleTest {

    private static final GenerationTiming TIMING = new GenerationTiming(LocalTime.of(5, 0), GenerationTiming.TOKYO);

    private static Instant tokyo(String dateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(dateTime), GenerationTiming.TOKYO).toInstant();
    }

    private static List<LocalDate> monthlyFrom(int day, LocalDate start, int count) {
        DeliveryCycle cycle = DeliveryCycle.monthly(day);
        List<LocalDate> dates = new ArrayList<>();
        LocalDate d = start;
        for (int i = 0; i < count; i++) {
            d = cycle.firstAfter(d);
            dates.add(d);
        }
        return dates;
    }

    @Test
    @DisplayName("SUB-3 monthly anchor 31 across a leap year: Jan 31 → Feb 29 → Mar 31 → Apr 30, computed from the anchor")
    void anchor31LeapYear() {
        assertThat(monthlyFrom(31, LocalDate.of(2028, 1, 1), 5)).containsExactly(LocalDate.of(2028, 1, 31),
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30),
                LocalDate.of(2028, 5, 31));
        assertThat(monthlyFrom(31, LocalDate.of(2027, 1, 1), 3)).containsExactly(LocalDate.of(2027, 1, 31),
                LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
    }

    @ParameterizedTest(name = "anchor {0}: February {1} → {2}, March {3}")
    @CsvSource({"29, 2027, 2027-02-28, 2027-03-29", "29, 2028, 2028-02-29, 2028-03-29",
            "30, 2027, 2027-02-28, 2027-03-30", "30, 2028, 2028-02-29, 2028-03-30",
            "31, 2028, 2028-02-29, 2028-03-31", "0, 2028, 2028-02-29, 2028-03-31", "0, 2027, 2027-02-28, 2027-03-31"})
    @DisplayName("SUB-3 month-end anchors 29/30/31 and 末日 in leap and common years never drift")
    void monthEndAnchors(int day, int year, LocalDate february, LocalDate march) {
        List<LocalDate> dates = monthlyFrom(day, LocalDate.of(year, 1, 31), 2);
        assertThat(dates).containsExactly(february, march);
    }

    @Test
    @DisplayName("SUB-3 every N days: anchor + k·N")
    void everyNDays() {
        DeliveryCycle cycle = DeliveryCycle.everyNDays(14, LocalDate.of(2026, 11, 25));
        assertThat(cycle.firstAfter(LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(cycle.firstAfter(LocalDate.of(2026, 12, 9))).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(cycle.firstAfter(LocalDate.of(2026, 11, 1))).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThatThrownBy(() -> DeliveryCycle.monthly(32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryCycle.everyNDays(0, LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SUB-4 generation is L days before delivery at the shop's time, Asia/Tokyo")
    void generationTime() {
        assertThat(TIMING.generationAt(LocalDate.of(2026, 12, 25), 7)).isEqualTo(tokyo("2026-12-18T05:00:00"));
        assertThat(TIMING.generationAt(LocalDate.of(2026, 12, 25), 7)).isEqualTo(Instant.parse("2026-12-17T20:00:00Z"));
    }

    @Test
    @DisplayName("SUB-2 SUB-4 after checkout the next delivery follows the first one in the cycle")
    void afterCheckout() {
        Schedule s = Schedule.afterCheckout(DeliveryCycle.monthly(25), 7, LocalDate.of(2026, 11, 25), TIMING,
                tokyo("2026-11-20T10:00:00"));
        assertThat(s.nextDelivery()).isEqualTo(LocalDate.of(2026, 12, 25));
        assertThat(s.nextGenerationAt()).isEqualTo(tokyo("2026-12-18T05:00:00"));
    }

    @Test
    @DisplayName("SUB-14 a lead-time change keeps the scheduled next generation and applies from the one after")
    void leadTimeChange() {
        Schedule s = Schedule.afterCheckout(DeliveryCycle.monthly(25), 7, LocalDate.of(2026, 11, 25), TIMING,
                tokyo("2026-11-20T10:00:00")).withShopLeadTime(3);
        assertThat(s.nextGenerationAt()).isEqualTo(tokyo("2026-12-18T05:00:00"));
        assertThat(s.lead()).isEqualTo(new LeadTime(7, 3));
        Schedule after = s.afterProcessing(TIMING, tokyo("2026-12-18T05:00:00"));
        assertThat(after.nextDelivery()).isEqualTo(LocalDate.of(2027, 1, 25));
        assertThat(after.nextGenerationAt()).isEqualTo(tokyo("2027-01-22T05:00:00"));
        assertThat(after.lead()).isEqualTo(new LeadTime(3, null));
        assertThat(new LeadTime(7, null).changedTo(7).pending()).isNull();
    }

    @Test
    @DisplayName("SUB-16 every N counts from today, not from the last delivery")
    void intervalChangeCountsFromToday() {
        Schedule s = Schedule.afterCheckout(DeliveryCycle.monthly(25), 7, LocalDate.of(2026, 11, 25), TIMING,
                tokyo("2026-11-20T10:00:00"));
        Schedule changed = s.withCycle(DeliveryCycle.everyNDays(20, LocalDate.of(2000, 1, 1)),
                LocalDate.of(2026, 11, 25), TIMING, tokyo("2026-12-01T12:00:00"));
        assertThat(changed.cycle().anchorDate()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(changed.nextDelivery()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(changed.nextGenerationAt()).isEqualTo(tokyo("2026-12-14T05:00:00"));
    }

    @Test
    @DisplayName("SUB-16 a monthly day the lead time makes unreachable this month moves to the following month")
    void unreachableMonthlyDayMoves() {
        Schedule s = Schedule.afterCheckout(DeliveryCycle.monthly(25), 7, LocalDate.of(2026, 11, 25), TIMING,
                tokyo("2026-11-20T10:00:00"));
        // on Dec 1, day 5 needs generation on Nov 28: gone → January 5
        Schedule changed = s.withCycle(DeliveryCycle.monthly(5), LocalDate.of(2026, 11, 25), TIMING,
                tokyo("2026-12-01T12:00:00"));
        assertThat(changed.nextDelivery()).isEqualTo(LocalDate.of(2027, 1, 5));
        // day 10 is still reachable (generation Dec 3)
        assertThat(s.withCycle(DeliveryCycle.monthly(10), LocalDate.of(2026, 11, 25), TIMING,
                tokyo("2026-12-01T12:00:00")).nextDelivery()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    @DisplayName("SUB-20 skip/unskip until the generation time; after it the skip is final and the schedule moves on")
    void skipAroundGenerationTime() {
        Instant generation = tokyo("2026-12-18T05:00:00");
        assertThat(EditWindow.skipChangeable(generation, tokyo("2026-12-18T04:59:59"))).isTrue();
        assertThat(EditWindow.skipChangeable(generation, generation)).isFalse();
        assertThat(EditWindow.skipChangeable(generation, tokyo("2026-12-18T05:00:01"))).isFalse();
        Schedule skipped = Schedule.afterCheckout(DeliveryCycle.monthly(25), 7, LocalDate.of(2026, 11, 25), TIMING,
                tokyo("2026-11-20T10:00:00")).withSkip(true);
        assertThat(skipped.withSkip(false).skipNext()).isFalse();
        Schedule after = skipped.afterProcessing(TIMING, generation);
        assertThat(after.skipNext()).isFalse();
        assertThat(after.nextDelivery()).isEqualTo(LocalDate.of(2027, 1, 25));
    }

    @Test
    @DisplayName("SUB-21 same-day lock: edits refused on the generation day until generation ran")
    void sameDayLock() {
        Instant generation = tokyo("2026-12-18T05:00:00");
        assertThat(EditWindow.lockedForEdits(generation, tokyo("2026-12-17T23:59:59"), TIMING)).isFalse();
        assertThat(EditWindow.lockedForEdits(generation, tokyo("2026-12-18T00:00:00"), TIMING)).isTrue();
        assertThat(EditWindow.lockedForEdits(generation, tokyo("2026-12-18T20:00:00"), TIMING)).isTrue();
        assertThat(EditWindow.lockedForEdits(generation, tokyo("2026-12-19T01:00:00"), TIMING))
                .as("overdue generation still pending").isTrue();
        assertThat(EditWindow.lockedForEdits(tokyo("2027-01-22T05:00:00"), tokyo("2026-12-18T05:00:01"), TIMING))
                .as("after generation the next one is scheduled").isFalse();
    }

    @Test
    @DisplayName("SUB-24 SUB-20 preview: K deliveries with reasons, skipped one without index, stops at the automatic end")
    void preview() {
        Schedule s = Schedule.afterCheckout(DeliveryCycle.monthly(31), 7, LocalDate.of(2027, 12, 31), TIMING,
                tokyo("2027-12-20T10:00:00")).withSkip(true);
        List<SubscriptionItem> items = List.of(
                new SubscriptionItem(1, 1L, "A", "A", 1000, 1, 3, 1, false),
                new SubscriptionItem(2, 2L, "B", "B", 500, 2, null, 1, false));
        List<Schedule.Preview> preview = s.preview(4, items, 1, TIMING);
        assertThat(preview).extracting(Schedule.Preview::deliveryDate).containsExactly(LocalDate.of(2028, 1, 31),
                LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31), LocalDate.of(2028, 4, 30));
        assertThat(preview.get(0).skipped()).isTrue();
        assertThat(preview.get(0).deliveryIndex()).isNull();
        assertThat(preview.get(1).deliveryIndex()).isEqualTo(2);
        assertThat(preview.get(1).reason()).contains("末日の29日");
        assertThat(preview.get(2).productCodes()).containsExactly("A", "B");
        assertThat(preview.get(3).productCodes()).containsExactly("B");

        List<SubscriptionItem> limited = List.of(new SubscriptionItem(1, 1L, "A", "A", 1000, 1, 2, 1, false));
        List<Schedule.Preview> ending = s.withSkip(false).preview(5, limited, 1, TIMING);
        assertThat(ending).hasSize(1);
        assertThat(ending.get(0).lastDelivery()).isTrue();
    }

    @Test
    @DisplayName("SUB-4 a delivery whose date has passed while the engine was down is not generated late")
    void followingSkipsPastDates() {
        DeliveryCycle cycle = DeliveryCycle.monthly(10);
        assertThat(TIMING.following(cycle, LocalDate.of(2026, 10, 10), tokyo("2026-12-05T05:00:00")))
                .isEqualTo(LocalDate.of(2026, 12, 10));
    }
}
