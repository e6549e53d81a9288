package jp.cartflow.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Blocks CVE-2026-77226: the Admin webapp's setup endpoint lets an anonymous caller create an
 * administrator whenever the {@code camunda-admin} group has no direct member. cartflow always creates
 * its administrator at start-up (demo: the demo admin; production: from CARTFLOW_ADMIN_* variables), so
 * the endpoint is never needed: once any user exists it answers 403 and creates nothing.
 */
class AdminSetupGuardFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminSetupGuardFilter.class);
    private final IdentityService identityService;

    public AdminSetupGuardFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (identityService.createUserQuery().count() > 0) {
            log.warn("Refused {} {} (CVE-2026-77226 guard: an administrator exists)", request.getMethod(),
                    request.getRequestURI());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://cartflow.jp/problems/admin-setup-disabled\","
                    + "\"title\":\"Admin setup disabled\",\"status\":403,"
                    + "\"detail\":\"An administrator exists; initial setup is closed.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
