package jp.cartflow.order.events;

import java.time.Instant;
import java.util.List;

/** An order was placed (e.g. the first order of a subscription checkout). */
public record OrderPlaced(long orderId, long shopId, String orderNo, Long memberId, long total,
                          List<OrderedItem> items, Instant occurredAt) implements OrderDomainEvent {

    public OrderPlaced {
        items = List.copyOf(items);
    }

    @Override
    public String type() {
        return "order.placed";
    }
}
