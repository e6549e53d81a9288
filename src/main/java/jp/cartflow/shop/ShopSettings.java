package jp.cartflow.shop;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The settings other rooms keep on the shop row, read through the shop room, which owns the {@code shop} table.
 * (The subscription settings have a table of their own, {@code subscription_setting}.)
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

    /** SUB-6: whether an operator may retry a declined authorization. */
    public boolean authorizationRetryEnabled(long shopId) {
        return jdbc.sql("SELECT auth_retry_enabled FROM shop WHERE id = :id").param("id", shopId)
                .query(Boolean.class).single();
    }
}
