package jp.cartflow.inventory;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** INV-1 on H2 (the plain JDBC path; PostgreSQL uses array parameters and is covered by the ITs). */
class StockLevelsOnH2Test {

    private static JdbcClient jdbc;
    private static StockLevels stock;
    private static long shop;

    @BeforeAll
    static void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:stock_levels_test;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/demo").load().migrate();
        jdbc = JdbcClient.create(h2);
        stock = new StockLevels(jdbc, new JdbcTemplate(h2));
        shop = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        IntStream.range(0, 2500).forEach(i -> jdbc.sql("""
                INSERT INTO product (shop_id, product_code, name, price, stock) VALUES (:shop, :code, 'h2', 1, 5)""")
                .param("shop", shop).param("code", "H2-" + i).update());
    }

    @Test
    @DisplayName("INV-1 codes resolve in chunks (over 1000 codes), are set in one batch, and a variant product is marked")
    void resolveAndSet() {
        List<String> codes = IntStream.range(0, 2500).mapToObj(i -> "H2-" + i).toList();
        Map<String, StockLevels.Stock> found = stock.resolve(shop, codes);
        assertThat(found).hasSize(2500);
        stock.set(Map.of(found.get("H2-0").id(), 7, found.get("H2-2499").id(), 9), Map.of(), Instant.now());
        assertThat(stock.resolve(shop, List.of("H2-0", "H2-2499", "H2-1")).values())
                .extracting(StockLevels.Stock::quantity).containsExactlyInAnyOrder(7, 9, 5);

        assertThat(stock.saveVariant(shop, "H2-1", "H2-1-RED", "赤")).isTrue();
        assertThat(stock.saveVariant(shop, "NOPE", "X", "x")).isFalse();
        Map<String, StockLevels.Stock> variant = stock.resolve(shop, List.of("H2-1", "H2-1-RED"));
        assertThat(variant.get("H2-1").kind()).isEqualTo(StockLevels.Kind.PRODUCT_WITH_VARIANTS);
        assertThat(variant.get("H2-1-RED").kind()).isEqualTo(StockLevels.Kind.VARIANT);
        stock.set(Map.of(), Map.of(variant.get("H2-1-RED").id(), 4), Instant.now());
        stock.decrement(shop, "H2-1-RED", 10, Instant.now());
        assertThat(stock.resolve(shop, List.of("H2-1-RED")).get("H2-1-RED").quantity()).as("never below 0").isZero();
    }
}
