package jp.cartflow.subscription.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When a delivery becomes an order (SUB-4): L days before its delivery date, at the shop's time of day,
 * in the business time zone (Asia/Tokyo).
 */
public record GenerationTiming(LocalTime timeOfDay, ZoneId zone) {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    public Instant generationAt(LocalDate deliveryDate, int leadDays) {
        return deliveryDate.minusDays(leadDays).atTime(timeOfDay).atZone(zone).toInstant();
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /**
     * The first delivery of {@code cycle} after {@code after} whose generation time has not passed yet.
     * A monthly day that the lead time makes unreachable this month moves to the following month (SUB-16).
     */
    public LocalDate firstReachable(DeliveryCycle cycle, LocalDate after, int leadDays, Instant now) {
        LocalDate candidate = cycle.firstAfter(after);
        for (int guard = 0; generationAt(candidate, leadDays).isBefore(now); guard++) {
            if (guard > 5000) {
                throw new IllegalStateException("no reachable delivery date for " + cycle);
            }
            candidate = cycle.firstAfter(candidate);
        }
        return candidate;
    }

    /**
     * The delivery after one that was just generated or skipped. A delivery whose date has already passed
     * (the engine was down for days) is not generated late: the schedule moves on to the next one that can
     * still be delivered; one whose generation time has passed but whose date has not is generated at once.
     */
    public LocalDate following(DeliveryCycle cycle, LocalDate processed, Instant now) {
        LocalDate today = today(now);
        LocalDate candidate = cycle.firstAfter(processed);
        for (int guard = 0; candidate.isBefore(today); guard++) {
            if (guard > 5000) {
                throw new IllegalStateException("no future delivery date for " + cycle);
            }
            candidate = cycle.firstAfter(candidate);
        }
        return candidate;
    }
}
