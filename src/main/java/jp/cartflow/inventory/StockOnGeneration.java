package jp.cartflow.inventory;

import jp.cartflow.inventory.events.StockUpdated;
import jp.cartflow.order.events.OrderPlaced;
import jp.cartflow.order.events.OrderedItem;
import jp.cartflow.order.events.SubscriptionOrderGenerated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Stock on our own orders, in the order's transaction. A placed order (a subscription's first order included)
 * takes each line's quantity from the stock of its code like any regular order. SUB-9: generated 2nd-and-later
 * orders leave the stock alone, unless the shop switched on "decrement stock on generation". Never below 0;
 * unlimited stock untouched; an order is generated even when the stock is 0. The tools learn about these
 * changes from the forwarded order mails (INV-2, MAIL-4), never from a push of ours; webhook receivers get
 * {@link StockUpdated} (inventory.stock_updated) with the stock after each change.
 * <p>
 * Taken as the last write of the order's transaction (just before its commit, still inside it): the decrement
 * locks the product's row until the commit, and every order of that product waits for it. Taken when the order
 * is created, the lock lasted through the rest of the transaction (a checkout's process start and mail), and
 * concurrent checkouts of one product ran one after the other (docs/performance.md). Without a transaction
 * (none of our callers) it is taken at once.
 */
@Component
class StockOnGeneration {

    private final JdbcClient jdbc;
    private final StockLevels stock;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StockOnGeneration(JdbcClient jdbc, StockLevels stock, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.clock = clock;
        this.events = events;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void placed(OrderPlaced order) {
        take(order.shopId(), order.items(), "order " + order.orderNo(), order.occurredAt());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void generated(SubscriptionOrderGenerated order) {
        if (decrementStockOnGeneration(order.shopId())) {
            take(order.shopId(), order.items(), "SUB-9 order " + order.orderNo(), order.occurredAt());
        }
    }

    private void take(long shopId, List<OrderedItem> items, String reason, Instant occurredAt) {
        for (OrderedItem item : items) {
            stock.decrement(shopId, item.productCode(), item.quantity(), clock.instant())
                    .ifPresent(after -> events.publishEvent(new StockUpdated(shopId, item.productCode(), after,
                            -item.quantity(), reason, occurredAt)));
        }
    }

    /** The SUB-9 switch, read through the view subscription publishes (subscription owns its settings). */
    private boolean decrementStockOnGeneration(long shopId) {
        return jdbc.sql("SELECT decrement_stock_on_generation FROM subscription_stock_policy_view WHERE shop_id = :id")
                .param("id", shopId).query(Boolean.class).optional().orElse(false);
    }
}
