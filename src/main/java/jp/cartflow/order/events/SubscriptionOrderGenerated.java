package jp.cartflow.order.events;

import java.time.Instant;
import java.util.List;

/** The generation created the order of delivery {@code deliveryIndex} of a subscription (SUB-4). */
public record SubscriptionOrderGenerated(long orderId, long shopId, String orderNo, Long memberId, long total,
                                         String subscriptionNo, int deliveryIndex, List<OrderedItem> items,
                                         Instant occurredAt) implements OrderDomainEvent {

    public SubscriptionOrderGenerated {
        items = List.copyOf(items);
    }

    @Override
    public String type() {
        return "order.generated-from-subscription";
    }
}
