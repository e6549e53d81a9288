package jp.cartflow.order;

import jp.cartflow.mail.outbox.MailSent;
import jp.cartflow.order.events.OrderMailSent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records on the order every mail that was sent about it (the order's audit shows who got what, when) and
 * publishes {@link OrderMailSent} in the transaction that marked the mail sent.
 */
@Component
class OrderMailRecorder {

    private final OrderRepository orders;
    private final ApplicationEventPublisher events;

    OrderMailRecorder(OrderRepository orders, ApplicationEventPublisher events) {
        this.orders = orders;
        this.events = events;
    }

    @EventListener
    void mailSent(MailSent sent) {
        if (sent.orderId() == null) {
            return;
        }
        if ("SHIPPING_COMPLETE".equals(sent.templateKey())) {
            orders.markShippingMailSent(sent.orderId(), sent.sentAt());
        }
        orders.appendEvent(sent.orderId(), "system", "MAIL_SENT",
                sent.kind() + " " + (sent.templateKey() == null ? "" : sent.templateKey()) + " → "
                        + String.join(", ", sent.to()) + " (outbox " + sent.outboxId() + ")", sent.sentAt());
        Order order = orders.get(sent.orderId());
        events.publishEvent(new OrderMailSent(order.id(), order.shopId(), order.orderNo(), sent.outboxId(),
                sent.templateKey(), sent.to(), sent.sentAt()));
    }
}
