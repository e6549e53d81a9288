package jp.cartflow.platform.security;

import jp.cartflow.platform.web.ApiException;
import jp.cartflow.platform.web.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

import java.util.Arrays;

/**
 * Finer than the URL rules of {@link SecurityConfiguration}: a write that only some of the /api groups may make
 * (e.g. master data: admins and integrations; attribute definitions: admins and operators). 403 problem otherwise.
 */
public final class Callers {

    private Callers() {
    }

    public static void requireAnyGroup(Authentication user, String... groups) {
        boolean member = user != null && user.getAuthorities().stream().anyMatch(a -> Arrays.stream(groups)
                .anyMatch(g -> a.getAuthority().equals(CartflowGroups.authority(g))));
        if (!member) {
            throw new ApiException(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "this write is for "
                    + String.join(", ", groups) + " only", null, null);
        }
    }
}
