package jp.cartflow.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The shop's inventory tools (TEMPOSTAR, zaikoRobot) and their forwarding settings (MAIL-4, INV-1/2). */
@Repository
class InventoryTools {

    record Tool(long id, long shopId, ToolKind kind, String name, String intakeAddress, String orderIntakeAddress,
                boolean forwardingEnabled, Instant forwardingChangedAt) {

        /** The addresses a forwarded order mail goes to: the intake address and, if different, the order one. */
        List<String> forwardAddresses() {
            if (intakeAddress == null) {
                return List.of();
            }
            return orderIntakeAddress == null || orderIntakeAddress.equalsIgnoreCase(intakeAddress)
                    ? List.of(intakeAddress) : List.of(intakeAddress, orderIntakeAddress);
        }
    }

    private static final String COLUMNS = """
            id, shop_id, tool_code, name, intake_address, order_intake_address, forwarding_enabled,
            forwarding_changed_at""";

    private final JdbcClient jdbc;

    InventoryTools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tools whose forwarding is on and that have an intake address. */
    List<Tool> forwardingEnabled(long shopId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM inventory_tool
                WHERE shop_id = :shop AND forwarding_enabled = TRUE AND intake_address IS NOT NULL ORDER BY id""")
                .param("shop", shopId).query(InventoryTools::map).list();
    }

    List<Tool> all(long shopId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory_tool WHERE shop_id = :shop ORDER BY id")
                .param("shop", shopId).query(InventoryTools::map).list();
    }

    Optional<Tool> find(long shopId, ToolKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM inventory_tool WHERE shop_id = :shop AND tool_code = :code")
                .param("shop", shopId).param("code", kind.name()).query(InventoryTools::map).optional();
    }

    /**
     * MAIL-4, asked at dispatch: is the switch still on? Locks the row, so switching off waits for a send that
     * has already begun and every later dispatch sees the new value.
     */
    boolean stillForwarding(long toolId) {
        return jdbc.sql("SELECT forwarding_enabled FROM inventory_tool WHERE id = :id FOR UPDATE")
                .param("id", toolId).query(Boolean.class).optional().orElse(false);
    }

    Tool saveAddresses(long shopId, ToolKind kind, String name, String intake, String orderIntake) {
        int updated = jdbc.sql("""
                UPDATE inventory_tool SET name = :name, intake_address = :intake, order_intake_address = :orderIntake
                WHERE shop_id = :shop AND tool_code = :code""")
                .param("name", name).param("intake", intake).param("orderIntake", orderIntake)
                .param("shop", shopId).param("code", kind.name()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO inventory_tool (shop_id, tool_code, name, intake_address, order_intake_address,
                        forwarding_enabled) VALUES (:shop, :code, :name, :intake, :orderIntake, FALSE)""")
                    .param("name", name).param("intake", intake).param("orderIntake", orderIntake)
                    .param("shop", shopId).param("code", kind.name()).update();
        }
        return find(shopId, kind).orElseThrow();
    }

    void setForwarding(long toolId, boolean enabled, Instant at) {
        jdbc.sql("UPDATE inventory_tool SET forwarding_enabled = :on, forwarding_changed_at = :at WHERE id = :id")
                .param("on", enabled).param("at", at.atOffset(ZoneOffset.UTC)).param("id", toolId).update();
    }

    private static Tool map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime changed = rs.getObject("forwarding_changed_at", OffsetDateTime.class);
        return new Tool(rs.getLong("id"), rs.getLong("shop_id"), ToolKind.valueOf(rs.getString("tool_code")),
                rs.getString("name"), rs.getString("intake_address"), rs.getString("order_intake_address"),
                rs.getBoolean("forwarding_enabled"), changed == null ? null : changed.toInstant());
    }
}
