package jp.cartflow.inventory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * INV-1: the tools' accounts, one per tool and shop: the tool's user id and a password the shop chose, stored
 * only as a one-way hash (Spring Security's delegating encoder, BCrypt today; the {@code {id}} prefix lets a
 * later algorithm take over on the next rotation).
 */
@Repository
class ToolAccounts {

    /** Who a tool request is, once its credentials matched. */
    record ToolPrincipal(long accountId, String userId, long toolId, long shopId, ToolKind kind) {
    }

    record Account(String userId, boolean enabled, Instant createdAt, Instant secretChangedAt,
                   Instant enabledChangedAt) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** Compared against when the user id is unknown, so a miss costs as long as a wrong password. */
    private final String unknownUserHash = encoder.encode("no such tool account");

    ToolAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The principal when user id and password match an enabled account; empty otherwise, whichever part was wrong. */
    Optional<ToolPrincipal> authenticate(String userId, String password) {
        record Row(ToolPrincipal principal, String hash, boolean enabled) {
        }
        Optional<Row> row = jdbc.sql("""
                SELECT a.id, a.user_id, t.id, t.shop_id, t.tool_code, a.secret_hash, a.enabled
                FROM inventory_tool_account a JOIN inventory_tool t ON t.id = a.tool_id WHERE a.user_id = :user""")
                .param("user", userId)
                .query((rs, n) -> new Row(new ToolPrincipal(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        ToolKind.valueOf(rs.getString(5))), rs.getString(6), rs.getBoolean(7)))
                .optional();
        boolean matches = encoder.matches(password == null ? "" : password, row.map(Row::hash).orElse(unknownUserHash));
        return row.filter(r -> matches && r.enabled()).map(Row::principal);
    }

    Optional<Account> find(long toolId) {
        return jdbc.sql("""
                SELECT user_id, enabled, created_at, secret_changed_at, enabled_changed_at
                FROM inventory_tool_account WHERE tool_id = :tool""")
                .param("tool", toolId)
                .query((rs, n) -> new Account(rs.getString(1), rs.getBoolean(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
    }

    boolean userIdTaken(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM inventory_tool_account WHERE user_id = :user").param("user", userId)
                .query(Long.class).single() > 0;
    }

    void create(long toolId, String userId, String password, Instant now) {
        jdbc.sql("""
                INSERT INTO inventory_tool_account (tool_id, user_id, secret_hash, enabled, created_at,
                    secret_changed_at, enabled_changed_at) VALUES (:tool, :user, :hash, TRUE, :now, :now, :now)""")
                .param("tool", toolId).param("user", userId).param("hash", encoder.encode(password))
                .param("now", at(now)).update();
    }

    void rotate(long toolId, String password, Instant now) {
        jdbc.sql("UPDATE inventory_tool_account SET secret_hash = :hash, secret_changed_at = :now WHERE tool_id = :tool")
                .param("hash", encoder.encode(password)).param("now", at(now)).param("tool", toolId).update();
    }

    void setEnabled(long toolId, boolean enabled, Instant now) {
        jdbc.sql("""
                UPDATE inventory_tool_account SET enabled = :enabled, enabled_changed_at = :now
                WHERE tool_id = :tool AND enabled <> :enabled""")
                .param("enabled", enabled).param("now", at(now)).param("tool", toolId).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
