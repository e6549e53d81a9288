package jp.cartflow.order;

import jp.cartflow.order.events.OrderDomainEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test listener: every order event, with whether it arrived inside a transaction (as an outbox would need). */
@Component
public class RecordedOrderEvents {

    public record Seen(OrderDomainEvent event, boolean inTransaction) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(OrderDomainEvent event) {
        seen.add(new Seen(event, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    public <T extends OrderDomainEvent> List<Seen> of(Class<T> type, long orderId) {
        return seen.stream().filter(s -> type.isInstance(s.event()) && s.event().orderId() == orderId).toList();
    }
}
