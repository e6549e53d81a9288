package jp.cartflow.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

import java.util.Arrays;

/**
 * Finer than the URL rules of the security configuration: a write that only some of the /api groups may make
 * (e.g. master data: admins and integrations; attribute definitions: admins and operators). 403 problem otherwise.
 */
public final class Callers {

    private Callers() {
    }

    /** Master data writes: admins and integrations (the storefront). */
    public static void requireAdminOrIntegrations(Authentication user) {
        requireAnyGroup(user, "camunda-admin", "integrations");
    }

    /** Back-office decisions (attribute definitions, point adjustments): admins and operators. */
    public static void requireStaff(Authentication user) {
        requireAnyGroup(user, "operators", "camunda-admin");
    }

    private static void requireAnyGroup(Authentication user, String... groups) {
        boolean member = user != null && user.getAuthorities().stream().anyMatch(a -> Arrays.stream(groups)
                .anyMatch(g -> a.getAuthority().equals("GROUP_" + g)));
        if (!member) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "this write is for "
                    + String.join(", ", groups) + " only", null, null);
        }
    }
}
