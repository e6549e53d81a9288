package jp.cartflow.subscription.events;

import java.time.Instant;

/** SUB-24: the subscription ended by itself (every count-limited item delivered, or no items left). */
public record SubscriptionEnded(long subscriptionId, long shopId, String subscriptionNo, long memberId, String reason,
                                SubscriptionFacts state, Instant occurredAt) implements SubscriptionEvent {

    @Override
    public String type() {
        return "subscription.ended";
    }
}
