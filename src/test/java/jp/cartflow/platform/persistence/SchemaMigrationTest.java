package jp.cartflow.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the Flyway domain schema (db/migration) plus the demo callback (db/demo) on plain H2 and on a
 * real PostgreSQL 17, twice each, and checks the facts the rest of the system relies on. No Spring.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMigrationTest {

    /** Every domain table of the migrations, in dependency order (parents first). */
    private static final List<String> TABLES = List.of(
            "shop", "subscription_setting", "inventory_tool", "payment_method", "carrier", "carrier_time_slot",
            "carrier_payment_method", "product", "member", "member_attribute_definition",
            "member_attribute_value", "member_card", "member_address", "subscription",
            "subscription_item", "customer_order", "order_line", "shipment", "shipment_tracking_number",
            "order_attribute_value", "shipment_attribute_value", "order_event", "mail_template",
            "mail_outbox", "bounce_record", "payment_transaction", "payment_mismatch");

    /** The versioned migrations on the classpath (V1 domain schema, V3 payment, … — each team adds its own). */
    private static List<String> migrationVersions() throws java.io.IOException {
        List<String> versions = new ArrayList<>();
        for (org.springframework.core.io.Resource r : new org.springframework.core.io.support
                .PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql")) {
            String name = r.getFilename();
            versions.add(name.substring(1, name.indexOf("__")));
        }
        versions.sort(java.util.Comparator.comparingInt(Integer::parseInt));
        return versions;
    }

    private EmbeddedPostgres postgres;
    private final Map<String, Db> databases = new LinkedHashMap<>();

    /** A migrated database and what the two migrate runs reported. */
    record Db(String name, DataSource dataSource, MigrateResult first, Map<String, Long> countsAfterFirst,
              MigrateResult second, Map<String, Long> countsAfterSecond) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void migrateBothDatabases() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:cartflow_schema_test;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        h2.setPassword("");
        databases.put("H2", migrateTwice("H2", h2));

        postgres = EmbeddedPostgres.start();
        databases.put("PostgreSQL", migrateTwice("PostgreSQL", postgres.getPostgresDatabase()));
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Db migrateTwice(String name, DataSource ds) throws SQLException {
        MigrateResult first = flyway(ds).migrate();
        Map<String, Long> afterFirst = counts(ds);
        MigrateResult second = flyway(ds).migrate();
        Map<String, Long> afterSecond = counts(ds);
        return new Db(name, ds, first, afterFirst, second, afterSecond);
    }

    private static Flyway flyway(DataSource ds) {
        return Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration", "classpath:db/demo")
                .load();
    }

    private static Map<String, Long> counts(DataSource ds) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, queryLong(ds, "SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    Stream<Arguments> databases() {
        return databases.values().stream().map(Arguments::of);
    }

    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("every migration applies once; the demo callback is idempotent (second migrate changes no count)")
    void migratesAndDemoDataIsIdempotent(Db db) throws java.io.IOException {
        List<String> versions = migrationVersions();
        assertThat(db.first().success).isTrue();
        assertThat(db.first().migrationsExecuted).isEqualTo(versions.size());
        assertThat(db.first().targetSchemaVersion).isEqualTo(versions.get(versions.size() - 1));
        assertThat(db.second().success).isTrue();
        assertThat(db.second().migrationsExecuted).isZero();

        assertThat(db.countsAfterSecond()).isEqualTo(db.countsAfterFirst());
        assertThat(db.countsAfterFirst())
                .containsEntry("shop", 1L)
                .containsEntry("subscription_setting", 1L)
                .containsEntry("inventory_tool", 2L)
                .containsEntry("payment_method", 4L)
                .containsEntry("carrier", 3L)
                .containsEntry("carrier_time_slot", 15L)
                .containsEntry("carrier_payment_method", 11L) // 3 x 4, minus ゆうパック x 代金引換
                .containsEntry("product", 5L)
                .containsEntry("member", 3L)
                .containsEntry("member_attribute_definition", 6L)
                .containsEntry("member_card", 1L)
                .containsEntry("customer_order", 3L)
                .containsEntry("order_line", 5L)
                .containsEntry("shipment", 3L)
                .containsEntry("shipment_tracking_number", 0L)
                .containsEntry("bounce_record", 1L)
                // templates ship with the mail module, not with the demo data
                .containsEntry("mail_template", 0L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("MAIL-2 demo shop has 3 carriers, each with a {trackingNo} URL, a number pattern and 5 time slots")
    void demoCarriersHaveTrackingUrls(Db db) throws SQLException {
        List<String[]> carriers = queryRows(db.dataSource(),
                "SELECT c.code, c.tracking_url_template, c.tracking_number_pattern,"
                        + " (SELECT COUNT(*) FROM carrier_time_slot t WHERE t.carrier_id = c.id)"
                        + " FROM carrier c JOIN shop s ON s.id = c.shop_id WHERE s.code = 'demo'"
                        + " ORDER BY c.sort_order");
        assertThat(carriers).extracting(r -> r[0]).containsExactly("yamato", "sagawa", "japanpost");
        for (String[] carrier : carriers) {
            assertThat(carrier[1]).as(carrier[0]).startsWith("https://").contains("{trackingNo}");
            assertThat(carrier[2]).as(carrier[0]).isNotBlank();
            assertThat(carrier[3]).as(carrier[0]).isEqualTo("5");
        }
        assertThat("123456789012").matches(carriers.get(0)[2]);
        assertThat("12345678901").matches(carriers.get(2)[2]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("SUB-17 carrier/payment compatibility: ゆうパック takes no 代金引換, the others do")
    void carrierPaymentCompatibility(Db db) throws SQLException {
        String sql = "SELECT COUNT(*) FROM carrier_payment_method x"
                + " JOIN carrier c ON c.id = x.carrier_id JOIN payment_method p ON p.id = x.payment_method_id"
                + " WHERE c.code = ? AND p.code = 'COD'";
        assertThat(queryLong(db.dataSource(), sql, "japanpost")).isZero();
        assertThat(queryLong(db.dataSource(), sql, "yamato")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("SUB-13 demo numbering rule tk- / 5 digits / next 13002; SUB-4 lead 7 days at 05:00")
    void demoShopSettings(Db db) throws SQLException {
        String[] shop = queryRows(db.dataSource(),
                "SELECT numbering_rule, numbering_prefix, numbering_digits, numbering_next, lead_days,"
                        + " generation_time, pop3_port, interval_min_days, interval_max_days"
                        + " FROM shop s JOIN subscription_setting x ON x.shop_id = s.id WHERE s.code = 'demo'").get(0);
        assertThat(shop).containsExactly("PREFIX_SEQUENCE", "tk-", "5", "13002", "7", "05:00:00", "3110",
                "14", "90");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("MAIL-1 / BNC-2 demo orders: orderAttribute 90, no tracking number yet, bounced address flagged")
    void demoOrdersAndBounce(Db db) throws SQLException {
        DataSource ds = db.dataSource();
        assertThat(queryRows(ds, "SELECT a.attribute_value FROM order_attribute_value a"
                + " JOIN customer_order o ON o.id = a.order_id"
                + " WHERE o.order_no = 'D-100001' AND a.attribute_no = 90").get(0)[0])
                .isEqualTo("株式会社サンプル");
        assertThat(queryLong(ds, "SELECT COUNT(*) FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                + " JOIN member m ON m.id = o.member_id"
                + " WHERE m.login_id = 'yamada' AND o.order_no IN ('D-100001', 'D-100002')")).isEqualTo(4);
        assertThat(queryLong(ds, "SELECT COUNT(*) FROM shipment sh JOIN customer_order o ON o.id = sh.order_id"
                + " WHERE o.order_no IN ('D-100001', 'D-100002', 'D-100003') AND sh.carrier_id IS NOT NULL"))
                .isEqualTo(3);
        // totals add up
        assertThat(queryLong(ds, "SELECT COUNT(*) FROM customer_order"
                + " WHERE total <> subtotal + shipping_fee + payment_fee + cool_fee - discount - points_used"))
                .isZero();
        assertThat(queryLong(ds, "SELECT COUNT(*) FROM bounce_record b JOIN member m"
                + " ON m.shop_id = b.shop_id AND m.email = b.email"
                + " JOIN customer_order o ON o.member_id = m.id"
                + " WHERE b.flagged = TRUE AND o.order_no = 'D-100003'")).isEqualTo(1);
        assertThat(queryLong(ds, "SELECT COUNT(*) FROM member WHERE marketing_consent = FALSE")).isEqualTo(1);
        assertThat(queryLong(ds, "SELECT COUNT(*) FROM member_attribute_value v"
                + " JOIN member_attribute_definition d ON d.id = v.definition_id WHERE d.attribute_no = 90"))
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("SUB-19 exactly-once generation: a second order for the same (subscription, delivery) is refused")
    void generationGuardIsUnique(Db db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                long shopId = id(c, "SELECT id FROM shop WHERE code = 'demo'");
                long memberId = id(c, "SELECT id FROM member WHERE login_id = 'yamada'");
                execute(c, "INSERT INTO subscription (shop_id, subscription_no, member_id, cycle_kind, cycle_day,"
                        + " lead_days, payment_method_code, last_name, first_name, zipcode, pref, city, address)"
                        + " VALUES (" + shopId + ", 'tk-99999', " + memberId + ", 'MONTHLY', 0, 7, 'COD',"
                        + " '山田', '太郎', '150-0002', '東京都', '渋谷区', '渋谷2-21-1')");
                long subscriptionId = id(c, "SELECT id FROM subscription WHERE subscription_no = 'tk-99999'");

                execute(c, generatedOrder(shopId, memberId, subscriptionId, "T-1", 2));
                // ordinary orders (no subscription) never collide: NULLs are distinct
                execute(c, plainOrder(shopId, "T-plain-1"));
                execute(c, plainOrder(shopId, "T-plain-2"));

                SQLException e = assertThrows(SQLException.class,
                        () -> execute(c, generatedOrder(shopId, memberId, subscriptionId, "T-2", 2)));
                assertThat(e.getSQLState()).as(e.getMessage()).startsWith("23");
                assertThat(e.getMessage().toLowerCase()).contains("uq_customer_order_subscription_delivery");
            } finally {
                c.rollback();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("CHECK constraints refuse values outside the enums")
    void checkConstraintsRefuseBadValues(Db db) throws SQLException {
        List<String> refused = List.of(
                "UPDATE customer_order SET status = 'SHIPPING' WHERE order_no = 'D-100001'",
                "UPDATE customer_order SET payment_status = 'PAID' WHERE order_no = 'D-100001'",
                "UPDATE payment_method SET code = 'PAYPAY' WHERE code = 'COD'",
                "UPDATE subscription_setting SET numbering_rule = 'RANDOM' WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')",
                "UPDATE subscription_setting SET numbering_digits = 4 WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')",
                "UPDATE member_card SET expiry_month = 13",
                "UPDATE inventory_tool SET tool_code = 'NEXT_ENGINE' WHERE tool_code = 'TEMPOSTAR'",
                "UPDATE member_attribute_definition SET attribute_type = 'CHECKBOX' WHERE attribute_no = 1",
                // BNC: addresses are stored lower-cased
                "UPDATE bounce_record SET email = 'Bounce-Me@demo.cartflow.test'");
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(true);
            for (String sql : refused) {
                SQLException e = assertThrows(SQLException.class, () -> execute(c, sql), sql);
                assertThat(e.getSQLState()).as(sql + " -> " + e.getMessage()).startsWith("23");
            }
        }
        // nothing changed
        assertThat(queryLong(db.dataSource(), "SELECT COUNT(*) FROM customer_order WHERE status = 'SHIPPING'"))
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("No domain table collides with Camunda's ACT_* tables")
    void noCamundaNames(Db db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).containsAll(TABLES).noneMatch(n -> n.startsWith("act_"));
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static String generatedOrder(long shopId, long memberId, long subscriptionId, String orderNo,
                                         int deliveryIndex) {
        return "INSERT INTO customer_order (shop_id, order_no, member_id, ordered_at, email, last_name,"
                + " first_name, subscription_id, subscription_no, delivery_index, payment_method_code)"
                + " VALUES (" + shopId + ", '" + orderNo + "', " + memberId + ", CURRENT_TIMESTAMP,"
                + " 'yamada@demo.cartflow.test', '山田', '太郎', " + subscriptionId + ", 'tk-99999', "
                + deliveryIndex + ", 'COD')";
    }

    private static String plainOrder(long shopId, String orderNo) {
        return "INSERT INTO customer_order (shop_id, order_no, ordered_at, email, last_name, first_name,"
                + " payment_method_code) VALUES (" + shopId + ", '" + orderNo + "', CURRENT_TIMESTAMP,"
                + " 'guest@demo.cartflow.test', 'ゲスト', '購入者', 'COD')";
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    private static long id(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getLong(1);
        }
    }

    private static long queryLong(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql).isTrue();
                return rs.getLong(1);
            }
        }
    }

    private static List<String[]> queryRows(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            List<String[]> rows = new ArrayList<>();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
