package jp.cartflow.order.events;

import java.time.Instant;

/**
 * A fact about an order, published by the order room in the transaction that wrote it (Spring's
 * {@code ApplicationEventPublisher}, synchronous). A listener runs inside that transaction: what it writes
 * commits or rolls back with the order. See docs/adr/0005-domain-events.md.
 */
public sealed interface OrderDomainEvent
        permits OrderPlaced, SubscriptionOrderGenerated, PaymentStatusChanged, ShipmentRegistered, OrderMailSent,
        OrderConfirmationQueued {

    /** The order's id (customer_order.id). */
    long orderId();

    long shopId();

    String orderNo();

    Instant occurredAt();

    /** A stable name for the kind of event, e.g. for an outbox row or a webhook ({@code order.placed}). */
    String type();
}
