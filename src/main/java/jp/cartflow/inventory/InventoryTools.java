package jp.cartflow.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The shop's inventory tools (TEMPOSTAR, zaikoRobot) and their forwarding settings (MAIL-4, INV-1/2). */
@Repository
class InventoryTools {

    record Tool(long id, String code, String intakeAddress) {
    }

    private final JdbcClient jdbc;

    InventoryTools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tools whose forwarding is on and that have an intake address. */
    List<Tool> forwardingEnabled(long shopId) {
        return jdbc.sql("""
                SELECT id, tool_code, intake_address FROM inventory_tool
                WHERE shop_id = :shop AND forwarding_enabled = TRUE AND intake_address IS NOT NULL ORDER BY id""")
                .param("shop", shopId)
                .query((rs, n) -> new Tool(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
