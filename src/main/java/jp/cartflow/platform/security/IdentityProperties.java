package jp.cartflow.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The administrator created at start-up and, in the demo profile only, one login per group.
 *
 * @param adminId       the administrator's user id (production: CARTFLOW_ADMIN_USER)
 * @param adminPassword the administrator's password (production: CARTFLOW_ADMIN_PASSWORD, required)
 * @param demoUsers     extra users with their group; empty outside the demo profile
 */
@ConfigurationProperties(prefix = "cartflow.identity")
public record IdentityProperties(String adminId, String adminPassword, List<DemoUser> demoUsers) {

    public IdentityProperties {
        demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
    }

    public record DemoUser(String id, String password, String group, String firstName, String lastName) {
    }
}
