package jp.cartflow.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.cartflow.platform.web.ProblemType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * INV-1: {@code /api/inventory/{tool}/stock} is for the inventory tools only, each with its own account (HTTP
 * Basic: the tool's user id and the shop's password for it, {@link ToolAccounts}), not for cartflow's users.
 * Wrong credentials: 401, the same answer whichever part was wrong; after repeated failures 429 with Retry-After
 * ({@link LoginThrottle}); an account of another tool than the path names: 403. This chain runs before the
 * application's main chain and matches nothing else.
 */
@Configuration(proxyBeanMethods = false)
class ToolSecurityConfiguration {

    static final String TOOL_PATHS = "/api/inventory/*/stock";

    @Bean
    @Order(10)
    SecurityFilterChain inventoryToolChain(HttpSecurity http, ToolAccounts accounts, LoginThrottle throttle,
                                           ObjectMapper objectMapper) throws Exception {
        ToolProblems problems = new ToolProblems(objectMapper);
        http.securityMatcher(TOOL_PATHS, TOOL_PATHS + "/**")
            .authenticationManager(new ProviderManager(new ToolAccountProvider(accounts, throttle)))
            .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) ->
                    new AuthorizationDecision(toolOfPath(context.getRequest())
                            .equals(principal(authentication.get()).map(p -> p.kind().slug()).orElse(null)))))
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(
                    (request, response, denied) -> problems.write(request, response, HttpStatus.FORBIDDEN,
                            ProblemType.FORBIDDEN, "This tool account may only use its own tool's path.")))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable());
        return http.build();
    }

    /** The {tool} segment of /api/inventory/{tool}/stock… */
    static String toolOfPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String[] segments = path.split("/");
        return segments.length > 3 ? segments[3] : "";
    }

    private static java.util.Optional<ToolAccounts.ToolPrincipal> principal(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof ToolAccounts.ToolPrincipal p
                ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /** Refused because of too many wrong logins in a row. */
    static final class Throttled extends AuthenticationException {
        private final Duration retryAfter;

        Throttled(Duration retryAfter) {
            super("too many failed logins");
            this.retryAfter = retryAfter;
        }
    }

    private record ToolAccountProvider(ToolAccounts accounts, LoginThrottle throttle) implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) {
            String userId = authentication.getName();
            var blocked = throttle.blocked(userId);
            if (blocked.isPresent()) {
                throw new Throttled(blocked.get());
            }
            String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
            return accounts.authenticate(userId, password).map(principal -> {
                throttle.succeeded(userId);
                return (Authentication) UsernamePasswordAuthenticationToken.authenticated(principal, null,
                        List.of(new SimpleGrantedAuthority("TOOL_" + principal.kind().name())));
            }).orElseThrow(() -> {
                throttle.failed(userId);
                return new BadCredentialsException("bad credentials");
            });
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

    private record ToolProblems(ObjectMapper objectMapper)
            implements org.springframework.security.web.AuthenticationEntryPoint {

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
                throws IOException {
            if (e instanceof Throttled throttled) {
                long seconds = Math.max(1, throttled.retryAfter.toSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                write(request, response, HttpStatus.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS,
                        "Too many failed logins for this user id; try again in " + seconds + " s.");
                return;
            }
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cartflow inventory tools\", charset=\"UTF-8\"");
            write(request, response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED,
                    "Authentication required: send the tool account's user id and password (HTTP Basic).");
        }

        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ProblemType type,
                   String detail) throws IOException {
            ProblemDetail problem = type.problem(status, detail);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            objectMapper.writeValue(response.getOutputStream(), problem);
        }
    }
}
