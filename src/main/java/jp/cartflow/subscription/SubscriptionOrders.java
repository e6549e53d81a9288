package jp.cartflow.subscription;

import jp.cartflow.member.Recipient;
import jp.cartflow.order.NewOrder;
import jp.cartflow.order.OrderCreation;
import jp.cartflow.subscription.domain.OrderDraft;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Asks the order room for the orders of a subscription (the first order at checkout and every generated one),
 * turning a computed {@link OrderDraft} into its {@link NewOrder}. The unique (subscription_id, delivery_index)
 * the order room keeps is the last guard of exactly-once generation (SUB-4, SUB-19).
 */
@Component
class SubscriptionOrders {

    private final OrderCreation orders;

    SubscriptionOrders(OrderCreation orders) {
        this.orders = orders;
    }

    /** What the order of one delivery of a subscription is made of. */
    record DeliveryOrder(long shopId, String orderNo, long memberId, String email, Instant orderedAt,
                         Recipient recipient, OrderDraft draft, String paymentMethod, String paymentMethodName,
                         long subscriptionId,
                         String subscriptionNo, int deliveryIndex, LocalDate deliveryDate, Long carrierId,
                         String timeSlotCode, LocalDate nextDeliveryDate, String nextDeliverySchedule) {
    }

    Optional<OrderCreation.OrderRef> forDelivery(long subscriptionId, int deliveryIndex) {
        return orders.forDelivery(subscriptionId, deliveryIndex);
    }

    /** The first order of a checkout (delivery 1): an order placed. */
    OrderCreation.OrderRef placeFirst(DeliveryOrder o) {
        return orders.place(toNewOrder(o));
    }

    /** The order of a later delivery: an order generated from the subscription. */
    OrderCreation.OrderRef generate(DeliveryOrder o) {
        return orders.generateFromSubscription(toNewOrder(o));
    }

    private static NewOrder toNewOrder(DeliveryOrder o) {
        OrderDraft d = o.draft();
        return new NewOrder(o.shopId(), o.orderNo(), o.memberId(), o.email(), o.orderedAt(), o.recipient(), d.memo(),
                d.lines().stream().map(l -> new NewOrder.Line(l.productId(), l.productCode(), l.productName(),
                        l.unitPrice(), l.quantity())).toList(),
                new NewOrder.Amounts(d.subtotal(), d.shippingFee(), d.paymentFee(), d.coolFee(), d.pointsUsed(),
                        d.pointsEarned(), d.total()),
                o.paymentMethod(), o.paymentMethodName(),
                new NewOrder.FromSubscription(o.subscriptionId(), o.subscriptionNo(), o.deliveryIndex(),
                        o.nextDeliveryDate(), o.nextDeliverySchedule()),
                new NewOrder.Delivery(o.deliveryDate(), o.carrierId(), o.timeSlotCode()));
    }
}
