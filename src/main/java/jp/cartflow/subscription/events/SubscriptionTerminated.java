package jp.cartflow.subscription.events;

import java.time.Instant;

/** SUB-24: the shop ended an active subscription; it can never restart. */
public record SubscriptionTerminated(long subscriptionId, long shopId, String subscriptionNo, long memberId, String reason,
                                SubscriptionFacts state, Instant occurredAt) implements SubscriptionEvent {

    @Override
    public String type() {
        return "subscription.terminated";
    }
}
