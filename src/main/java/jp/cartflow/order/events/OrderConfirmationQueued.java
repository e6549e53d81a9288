package jp.cartflow.order.events;

import java.time.Instant;

/** The order-confirmation mail (ご注文確認) was queued in the outbox as {@code outboxId} (MAIL-4 forwards it). */
public record OrderConfirmationQueued(long orderId, long shopId, String orderNo, long outboxId, Instant occurredAt)
        implements OrderDomainEvent {

    @Override
    public String type() {
        return "order.confirmation-queued";
    }
}
