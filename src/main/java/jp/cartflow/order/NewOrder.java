package jp.cartflow.order;

import jp.cartflow.member.Recipient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order to create: orderer, one delivery (recipient, carrier, slot, date), lines, amounts, payment method
 * with the shop's name for it as the order keeps it (a rename later does not change placed orders),
 * and — for the orders of a subscription — the subscription and the delivery index.
 */
public record NewOrder(long shopId, String orderNo, long memberId, String email, Instant orderedAt,
                       Recipient recipient, String memo, List<Line> lines, Amounts amounts, String paymentMethod,
                       String paymentMethodName, FromSubscription subscription, Delivery delivery) {

    public NewOrder {
        lines = List.copyOf(lines);
    }

    /** A line: product snapshot (id may be null), unit price and quantity. */
    public record Line(Long productId, String productCode, String productName, long unitPrice, int quantity) {
    }

    public record Amounts(long subtotal, long shippingFee, long paymentFee, long coolFee, long pointsUsed,
                          long pointsEarned, long total) {
    }

    /**
     * The subscription the order belongs to; UQ(subscription_id, delivery_index) makes each delivery one order
     * (SUB-4, SUB-19). {@code nextDeliverySchedule} is printed on the order (SUB-23).
     */
    public record FromSubscription(long subscriptionId, String subscriptionNo, int deliveryIndex,
                                   LocalDate nextDeliveryDate, String nextDeliverySchedule) {
    }

    public record Delivery(LocalDate deliveryDate, Long carrierId, String timeSlotCode) {
    }
}
