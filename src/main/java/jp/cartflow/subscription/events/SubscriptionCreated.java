package jp.cartflow.subscription.events;

import java.time.Instant;

/** A subscription checkout completed (SUB-1/2): the subscription and its first order exist. */
public record SubscriptionCreated(long subscriptionId, long shopId, String subscriptionNo, long memberId, String firstOrderNo,
                                SubscriptionFacts state, Instant occurredAt) implements SubscriptionEvent {

    @Override
    public String type() {
        return "subscription.created";
    }
}
