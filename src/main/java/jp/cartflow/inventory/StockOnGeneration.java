package jp.cartflow.inventory;

import jp.cartflow.order.events.OrderedItem;
import jp.cartflow.order.events.SubscriptionOrderGenerated;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SUB-9: generated subscription orders leave the stock alone, unless the shop switched on "decrement stock on
 * generation"; then each line takes its quantity from the product's stock by product code, never below 0, and
 * products with unlimited stock are untouched. An order is generated even when the stock is 0. Runs in the
 * generation's transaction.
 */
@Component
class StockOnGeneration {

    private final JdbcClient jdbc;

    StockOnGeneration(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void generated(SubscriptionOrderGenerated order) {
        if (!decrementStockOnGeneration(order.shopId())) {
            return;
        }
        for (OrderedItem item : order.items()) {
            jdbc.sql("""
                    UPDATE product SET stock = CASE WHEN stock > :qty THEN stock - :qty ELSE 0 END
                    WHERE shop_id = :shop AND product_code = :code AND stock_unlimited = FALSE""")
                    .param("qty", item.quantity()).param("shop", order.shopId()).param("code", item.productCode())
                    .update();
        }
    }

    /** The SUB-9 switch, read through the view subscription publishes (subscription owns its settings). */
    private boolean decrementStockOnGeneration(long shopId) {
        return jdbc.sql("SELECT decrement_stock_on_generation FROM subscription_stock_policy_view WHERE shop_id = :id")
                .param("id", shopId).query(Boolean.class).optional().orElse(false);
    }
}
