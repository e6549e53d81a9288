package jp.cartflow.inventory;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock by code (INV-1): a code is a product code, or a variant stock code (在庫管理コード) of a product sold in
 * variants. One stock per code: a product's normal and special-price periods are prices of the same row, so they
 * share it. Products with unlimited stock keep no count (their variants neither).
 */
@Repository
class StockLevels {

    enum Kind { PRODUCT, VARIANT, PRODUCT_WITH_VARIANTS }

    /** What a code stands for. */
    record Stock(long id, String code, Kind kind, int quantity, boolean unlimited) {
    }

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    private volatile Boolean postgres;

    StockLevels(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** PostgreSQL takes a whole batch as two arrays in one statement; H2 gets a plain JDBC batch. */
    private boolean postgres() {
        if (postgres == null) {
            postgres = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) c ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")));
        }
        return postgres;
    }

    private static final String VARIANTS = """
            SELECT v.id, v.stock_code, v.stock, p.stock_unlimited FROM product_stock_code v
            JOIN product p ON p.id = v.product_id WHERE v.shop_id = ? AND v.stock_code""";
    private static final String PRODUCTS = """
            SELECT p.id, p.product_code, p.stock, p.stock_unlimited,
                EXISTS (SELECT 1 FROM product_stock_code v WHERE v.product_id = p.id)
            FROM product p WHERE p.shop_id = ? AND p.product_code""";

    /** The stock of each known code; product codes win over a variant code spelled the same. */
    Map<String, Stock> resolve(long shopId, Collection<String> codes) {
        Map<String, Stock> found = new HashMap<>(codes.size() * 2);
        RowCallbackHandler variant = rs -> found.put(rs.getString(2),
                new Stock(rs.getLong(1), rs.getString(2), Kind.VARIANT, rs.getInt(3), rs.getBoolean(4)));
        RowCallbackHandler product = rs -> found.put(rs.getString(2), new Stock(rs.getLong(1), rs.getString(2),
                rs.getBoolean(5) ? Kind.PRODUCT_WITH_VARIANTS : Kind.PRODUCT, rs.getInt(3), rs.getBoolean(4)));
        List<String> all = List.copyOf(codes);
        if (postgres()) {
            // one round trip per table, the codes as one array parameter
            String[] array = all.toArray(String[]::new);
            for (var query : List.of(Map.entry(VARIANTS, variant), Map.entry(PRODUCTS, product))) {
                template.query(c -> {
                    var statement = c.prepareStatement(query.getKey() + " = ANY(?)");
                    statement.setLong(1, shopId);
                    statement.setArray(2, c.createArrayOf("varchar", array));
                    return statement;
                }, query.getValue());
            }
            return found;
        }
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String in = " IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            Object[] args = new Object[chunk.size() + 1];
            args[0] = shopId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            template.query(VARIANTS + in, variant, args);
            template.query(PRODUCTS + in, product, args);
        }
        return found;
    }

    private static final String SET_PRODUCTS = "UPDATE product SET stock = ?, updated_at = ? WHERE id = ?";
    private static final String SET_VARIANTS = "UPDATE product_stock_code SET stock = ?, updated_at = ? WHERE id = ?";
    // UNNEST is a function (two arrays as rows), not a table
    private static final String SET_PRODUCTS_PG = """
            UPDATE product t SET stock = v.q, updated_at = ? FROM UNNEST(?::bigint[], ?::int[]) AS v(id, q)
            WHERE t.id = v.id""";
    private static final String SET_VARIANTS_PG = """
            UPDATE product_stock_code t SET stock = v.q, updated_at = ? FROM UNNEST(?::bigint[], ?::int[]) AS v(id, q)
            WHERE t.id = v.id""";

    /** Sets the quantities (stock id → quantity) of products and variants, one statement per table and batch. */
    void set(Map<Long, Integer> products, Map<Long, Integer> variants, Instant at) {
        Timestamp now = Timestamp.from(at);
        if (postgres()) {
            arrays(SET_PRODUCTS_PG, products, now);
            arrays(SET_VARIANTS_PG, variants, now);
        } else {
            batch(SET_PRODUCTS, products, now);
            batch(SET_VARIANTS, variants, now);
        }
    }

    private void arrays(String sql, Map<Long, Integer> quantities, Timestamp now) {
        if (quantities.isEmpty()) {
            return;
        }
        Long[] ids = quantities.keySet().toArray(Long[]::new);
        Integer[] values = java.util.Arrays.stream(ids).map(quantities::get).toArray(Integer[]::new);
        template.execute((ConnectionCallback<Integer>) c -> {
            try (var update = c.prepareStatement(sql)) {
                update.setTimestamp(1, now);
                update.setArray(2, c.createArrayOf("bigint", ids));
                update.setArray(3, c.createArrayOf("integer", values));
                return update.executeUpdate();
            }
        });
    }

    private void batch(String sql, Map<Long, Integer> quantities, Timestamp now) {
        if (quantities.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>(quantities.size());
        quantities.forEach((id, quantity) -> args.add(new Object[] {quantity, now, id}));
        template.batchUpdate(sql, args);
    }

    private static final String TAKE_PRODUCT = """
            UPDATE product SET stock = CASE WHEN stock > :qty THEN stock - :qty ELSE 0 END, updated_at = :at
            WHERE id = :id""";
    private static final String TAKE_VARIANT = """
            UPDATE product_stock_code SET stock = CASE WHEN stock > :qty THEN stock - :qty ELSE 0 END, updated_at = :at
            WHERE id = :id""";

    /** An order took {@code quantity} of the code: never below 0; unlimited stock and unknown codes untouched. */
    /** Takes the quantity (not below 0); the stock after it, or empty when nothing is counted for that code. */
    java.util.OptionalInt decrement(long shopId, String code, int quantity, Instant at) {
        Stock stock = resolve(shopId, List.of(code)).get(code);
        if (stock == null || stock.unlimited() || stock.kind() == Kind.PRODUCT_WITH_VARIANTS) {
            return java.util.OptionalInt.empty();
        }
        boolean variant = stock.kind() == Kind.VARIANT;
        if (postgres()) {
            // the decrement and the stock after it in one round trip
            return jdbc.sql((variant ? TAKE_VARIANT : TAKE_PRODUCT) + " RETURNING stock")
                    .param("qty", quantity).param("at", Timestamp.from(at)).param("id", stock.id())
                    .query(Integer.class).optional()
                    .map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
        }
        jdbc.sql(variant ? TAKE_VARIANT : TAKE_PRODUCT)
                .param("qty", quantity).param("at", Timestamp.from(at)).param("id", stock.id()).update();
        return jdbc.sql(variant ? "SELECT stock FROM product_stock_code WHERE id = :id" : "SELECT stock FROM product WHERE id = :id")
                .param("id", stock.id()).query(Integer.class).optional()
                .map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty());
    }

    /** Adds or renames a variant stock code of a product; returns false when the product is unknown. */
    boolean saveVariant(long shopId, String productCode, String stockCode, String name) {
        Long productId = jdbc.sql("SELECT id FROM product WHERE shop_id = :shop AND product_code = :code")
                .param("shop", shopId).param("code", productCode).query(Long.class).optional().orElse(null);
        if (productId == null) {
            return false;
        }
        int updated = jdbc.sql("UPDATE product_stock_code SET name = :name WHERE shop_id = :shop AND stock_code = :code")
                .param("name", name).param("shop", shopId).param("code", stockCode).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO product_stock_code (shop_id, product_id, stock_code, name, stock)
                    VALUES (:shop, :product, :code, :name, 0)""")
                    .param("shop", shopId).param("product", productId).param("code", stockCode).param("name", name)
                    .update();
        }
        return true;
    }
}
