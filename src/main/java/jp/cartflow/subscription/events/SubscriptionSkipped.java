package jp.cartflow.subscription.events;

import java.time.Instant;
import java.time.LocalDate;

/** SUB-20: the next delivery ({@code deliveryDate}) is skipped ({@code skipped} true) or the skip was undone. */
public record SubscriptionSkipped(long subscriptionId, long shopId, String subscriptionNo, long memberId, boolean skipped, LocalDate deliveryDate,
                                SubscriptionFacts state, Instant occurredAt) implements SubscriptionEvent {

    @Override
    public String type() {
        return "subscription.skipped";
    }
}
