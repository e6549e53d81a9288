package jp.cartflow.subscription.events;

import java.time.Instant;
import java.util.List;

/**
 * The shop or the member changed the subscription (SUB-10/16/17/18/22/26/32); {@code changed} names what:
 * delivery, payment, address, items, memo, fees.
 */
public record SubscriptionChanged(long subscriptionId, long shopId, String subscriptionNo, long memberId, List<String> changed,
                                SubscriptionFacts state, Instant occurredAt) implements SubscriptionEvent {

    public SubscriptionChanged {
        changed = List.copyOf(changed);
    }

    @Override
    public String type() {
        return "subscription.changed";
    }
}
