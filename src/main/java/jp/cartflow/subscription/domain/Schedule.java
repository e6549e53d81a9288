package jp.cartflow.subscription.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery schedule of one subscription: its cycle, lead time, the next delivery and when it becomes an
 * order, and whether that delivery is skipped. Pure functions; the application service stores the result.
 */
public record Schedule(DeliveryCycle cycle, LeadTime lead, LocalDate nextDelivery, Instant nextGenerationAt,
                       boolean skipNext) {

    /** A delivery and the moment it becomes an order. */
    public record Slot(LocalDate deliveryDate, Instant generationAt) {
    }

    /** One line of the preview: the reason says why the date is what it is. */
    public record Preview(int position, Integer deliveryIndex, LocalDate deliveryDate, Instant generationAt,
                          boolean skipped, String reason, List<String> productCodes, boolean lastDelivery) {
    }

    /** At checkout: the first order is delivery 1; the next delivery follows it in the cycle (SUB-2, SUB-4). */
    public static Schedule afterCheckout(DeliveryCycle cycle, int leadDays, LocalDate firstDelivery,
                                         GenerationTiming timing, Instant now) {
        LeadTime lead = new LeadTime(leadDays, null);
        LocalDate next = timing.firstReachable(cycle, firstDelivery, leadDays, now);
        return new Schedule(cycle, lead, next, timing.generationAt(next, leadDays), false);
    }

    /**
     * After the next delivery was generated or skipped (SUB-19, SUB-20): a pending lead time takes effect
     * (SUB-14) and the schedule moves to the following delivery; a skip is consumed.
     */
    public Schedule afterProcessing(GenerationTiming timing, Instant now) {
        LeadTime advanced = lead.advanced();
        LocalDate next = timing.following(cycle, nextDelivery, now);
        return new Schedule(cycle, advanced, next, timing.generationAt(next, advanced.current()), false);
    }

    /**
     * SUB-16: a new cycle applies from the next generation. Every-N counts from today; a monthly day that the
     * lead time makes unreachable this month moves to the following month. Never before or on the last
     * delivery already generated. A skip of the old next delivery does not carry over.
     */
    public Schedule withCycle(DeliveryCycle newCycle, LocalDate lastGeneratedDelivery, GenerationTiming timing,
                              Instant now) {
        DeliveryCycle anchored = newCycle.anchoredAt(timing.today(now));
        LocalDate next = timing.firstReachable(anchored, lastGeneratedDelivery, lead.current(), now);
        return new Schedule(anchored, lead, next, timing.generationAt(next, lead.current()), false);
    }

    /** SUB-14: the shop changed L; the already scheduled next generation keeps its date. */
    public Schedule withShopLeadTime(int days) {
        return new Schedule(cycle, lead.changedTo(days), nextDelivery, nextGenerationAt, skipNext);
    }

    /** SUB-20: mark or unmark the next delivery as skipped (the caller checks {@link EditWindow}). */
    public Schedule withSkip(boolean skip) {
        return new Schedule(cycle, lead, nextDelivery, nextGenerationAt, skip);
    }

    /**
     * The next {@code count} deliveries, with the delivery index each generated one will get and the items
     * it will contain; stops after the delivery that ends the subscription (SUB-24).
     */
    public List<Preview> preview(int count, List<SubscriptionItem> items, int deliveriesGenerated,
                                 GenerationTiming timing) {
        List<Preview> out = new ArrayList<>();
        List<SubscriptionItem> remaining = items.stream().filter(i -> !i.removed()).toList();
        LocalDate date = nextDelivery;
        Instant generationAt = nextGenerationAt;
        LeadTime l = lead;
        int index = deliveriesGenerated;
        boolean skip = skipNext;
        for (int position = 1; position <= count && !remaining.isEmpty(); position++) {
            String reason = cycle.reason(date);
            if (position == 1) {
                reason += "; 予定済み / scheduled";
            } else if (l.current() != lead.current()) {
                reason += "; 反映タイミング変更後 " + l.current() + "日前 / new lead time (SUB-14)";
            }
            if (skip) {
                out.add(new Preview(position, null, date, generationAt, true, reason + "; スキップ / skipped (SUB-20)",
                        List.of(), false));
            } else {
                index++;
                List<SubscriptionItem> after = remaining.stream().map(SubscriptionItem::delivered)
                        .filter(i -> !i.removed()).toList();
                out.add(new Preview(position, index, date, generationAt, false, reason,
                        remaining.stream().map(SubscriptionItem::productCode).toList(), after.isEmpty()));
                remaining = after;
            }
            skip = false;
            l = l.advanced();
            date = cycle.firstAfter(date);
            generationAt = timing.generationAt(date, l.current());
        }
        return out;
    }
}
