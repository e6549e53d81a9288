package jp.cartflow.subscription.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a receiver needs to know about a subscription after a change (no entities, values only). */
public record SubscriptionFacts(String status, String cycleKind, Integer cycleDay, Integer intervalDays,
                                String paymentMethod, String carrierCode, String timeSlotCode,
                                LocalDate nextDeliveryDate, Instant nextGenerationAt, boolean skipNext,
                                int deliveriesGenerated, List<Item> items) {

    public SubscriptionFacts {
        items = List.copyOf(items);
    }

    /** A line of the subscription that is still delivered. */
    public record Item(long itemId, String productCode, int quantity, long repeatPrice, Integer maxDeliveries) {
    }
}
