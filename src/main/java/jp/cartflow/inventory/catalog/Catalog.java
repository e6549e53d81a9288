package jp.cartflow.inventory.catalog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * The catalogue: the products a shop sells, by product code. The {@code product} table belongs to the
 * inventory room (it also holds the stock); this is its read API for the other rooms.
 */
@Service
public class Catalog {

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Product> product(long shopId, String code) {
        return jdbc.sql("""
                SELECT id, product_code, name, subscription_enabled, subscription_first_price, subscription_repeat_price,
                       max_deliveries FROM product WHERE shop_id = :shop AND product_code = :code""")
                .param("shop", shopId).param("code", code)
                .query((rs, n) -> new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, Long.class), rs.getObject(6, Long.class),
                        rs.getObject(7, Integer.class)))
                .optional();
    }
}
