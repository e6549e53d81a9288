package jp.cartflow.inventory;

import jp.cartflow.inventory.events.StockUpdated;
import jp.cartflow.order.events.OrderedItem;
import jp.cartflow.order.events.SubscriptionOrderGenerated;
import jp.cartflow.shop.ShopSettings;
import org.springframework.context.ApplicationEventPublisher;
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

    private final ShopSettings settings;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StockOnGeneration(ShopSettings settings, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void generated(SubscriptionOrderGenerated order) {
        if (!settings.decrementStockOnGeneration(order.shopId())) {
            return;
        }
        for (OrderedItem item : order.items()) {
            int updated = jdbc.sql("""
                    UPDATE product SET stock = CASE WHEN stock > :qty THEN stock - :qty ELSE 0 END
                    WHERE shop_id = :shop AND product_code = :code AND stock_unlimited = FALSE""")
                    .param("qty", item.quantity()).param("shop", order.shopId()).param("code", item.productCode())
                    .update();
            if (updated == 0) {
                continue; // unknown or unlimited product
            }
            // the stock after the change, for inventory.stock_updated (nothing changes for unlimited products)
            jdbc.sql("""
                    SELECT stock FROM product WHERE shop_id = :shop AND product_code = :code AND stock_unlimited = FALSE""")
                    .param("shop", order.shopId()).param("code", item.productCode()).query(Integer.class).optional()
                    .ifPresent(stock -> events.publishEvent(new StockUpdated(order.shopId(), item.productCode(), stock,
                            -item.quantity(), "SUB-9 order " + order.orderNo(), order.occurredAt())));
        }
    }
}
