package jp.cartflow.order;

import jp.cartflow.mail.outbox.MailSent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records on the order every mail that was sent about it (the order's audit shows who got what, when). */
@Component
class OrderMailRecorder {

    private final OrderRepository orders;

    OrderMailRecorder(OrderRepository orders) {
        this.orders = orders;
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
    }
}
