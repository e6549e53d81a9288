package jp.cartflow.order.events;

import java.time.Instant;
import java.util.List;

/** A mail about the order was handed to the SMTP server (template key null for mails without a template). */
public record OrderMailSent(long orderId, long shopId, String orderNo, long outboxId, String templateKey,
                            List<String> to, Instant occurredAt) implements OrderDomainEvent {

    public OrderMailSent {
        to = List.copyOf(to);
    }

    @Override
    public String type() {
        return "order.mail-sent";
    }
}
