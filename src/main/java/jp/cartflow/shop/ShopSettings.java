package jp.cartflow.shop;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The settings each room keeps on the shop row, read (and written) through the shop room, which owns the
 * {@code shop} table. Each room maps the values to its own types.
 */
@Service
public class ShopSettings {

    private final JdbcClient jdbc;

    ShopSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** MEM-2: the points a newly registered member starts with. */
    public long registrationPoints(long shopId) {
        return jdbc.sql("SELECT registration_points FROM shop WHERE id = :id").param("id", shopId)
                .query(Long.class).single();
    }

    /** SUB-29: the shops that run subscriptions and send card-expiry reminders automatically. */
    public List<Long> shopsWithAutomaticCardExpiryReminders() {
        return jdbc.sql("SELECT id FROM shop WHERE subscription_enabled = TRUE AND card_expiry_reminder_auto = TRUE")
                .query(Long.class).list();
    }

    /** SUB-6: whether an operator may retry a declined authorization. */
    public boolean authorizationRetryEnabled(long shopId) {
        return jdbc.sql("SELECT auth_retry_enabled FROM shop WHERE id = :id").param("id", shopId)
                .query(Boolean.class).single();
    }

    /** SUB-9: whether generated subscription orders take their quantities from the stock. */
    public boolean decrementStockOnGeneration(long shopId) {
        return jdbc.sql("SELECT decrement_stock_on_generation FROM shop WHERE id = :id").param("id", shopId)
                .query(Boolean.class).single();
    }
}
