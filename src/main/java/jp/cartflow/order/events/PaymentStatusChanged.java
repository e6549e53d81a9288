package jp.cartflow.order.events;

import java.time.Instant;

/** The order's payment status changed (values of customer_order.payment_status). */
public record PaymentStatusChanged(long orderId, long shopId, String orderNo, String from, String to,
                                   Instant occurredAt) implements OrderDomainEvent {

    @Override
    public String type() {
        return "order.payment-status-changed";
    }
}
