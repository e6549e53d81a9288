package jp.cartflow.subscription.events;

import java.time.Instant;

/**
 * A fact about a subscription, published by the subscription room in the transaction that wrote it (Spring's
 * {@code ApplicationEventPublisher}, synchronous), like the order events (docs/adr/0005-domain-events.md).
 * Ids and values only; a public contract: add fields, never rename or remove them.
 */
public sealed interface SubscriptionEvent
        permits SubscriptionCreated, SubscriptionChanged, SubscriptionSkipped, SubscriptionTerminated, SubscriptionEnded {

    long subscriptionId();

    long shopId();

    String subscriptionNo();

    long memberId();

    /** The subscription as it is after the change. */
    SubscriptionFacts state();

    Instant occurredAt();

    /** A stable name, e.g. {@code subscription.skipped}. */
    String type();
}
