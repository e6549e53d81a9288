package jp.cartflow.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Arrays;

import static jp.cartflow.platform.security.CartflowGroups.ADMIN;
import static jp.cartflow.platform.security.CartflowGroups.INTEGRATIONS;
import static jp.cartflow.platform.security.CartflowGroups.INVENTORY_TOOLS;
import static jp.cartflow.platform.security.CartflowGroups.OPERATORS;
import static jp.cartflow.platform.security.CartflowGroups.authority;

/**
 * Who may call what: the whole matrix (group × route family) is in docs/security.md, one test per cell in
 * {@code SecurityMatrixIT}. Spring Security decides by route family and group; behind it, the engine's
 * own authorizations (IdentityBootstrap) decide which data a group sees.
 * <ul>
 *   <li>{@code /api/**}, {@code /engine-rest/**}, OpenAPI docs, the actuator: HTTP Basic against Camunda's
 *       users; {@code /engine-rest} then hands the user and its groups to the engine.</li>
 *   <li>{@code /camunda/**} (Welcome, Tasklist, Cockpit, Admin): Camunda's own login and session, made known
 *       to Spring Security by {@link WebappAuthentication}; only operators and administrators get in.</li>
 *   <li>{@code /simulator/**} (demo only): the application's own gateway adapters
 *       ({@link SimulatorCallerAuthentication}) and the administrator.</li>
 *   <li>Anonymous: only {@code /actuator/health} and the webapps' login pages and assets.</li>
 *   <li>Open for newsletter readers: {@code GET /files/{id}} (an upload by its unguessable id) and
 *       {@code /newsletter/unsubscribe} (the signed, expiring link is the credential).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] STAFF = {authority(ADMIN), authority(OPERATORS)};
    private static final String[] API_USERS = {authority(ADMIN), authority(OPERATORS), authority(INTEGRATIONS)};

    /** What a storefront backend needs on /engine-rest: start our processes, correlate, read instances and tasks. */
    static RequestMatcher[] storefrontEngineRoutes() {
        return routes(
            "GET /engine-rest/engine",
            "GET /engine-rest/version",
            "POST /engine-rest/process-definition/key/{key}/start",
            "POST /engine-rest/process-definition/{id}/start",
            "GET /engine-rest/process-definition",
            "GET /engine-rest/process-definition/**",
            "POST /engine-rest/message",
            "GET /engine-rest/process-instance",
            "GET /engine-rest/process-instance/**",
            "POST /engine-rest/process-instance",
            "POST /engine-rest/process-instance/count",
            "GET /engine-rest/history/process-instance",
            "GET /engine-rest/history/process-instance/**",
            "GET /engine-rest/task",
            "GET /engine-rest/task/**",
            "POST /engine-rest/task",
            "POST /engine-rest/task/count");
    }

    /**
     * What the webapps serve before anyone logs in: pages, scripts, styles, the engine list, login and logout;
     * the setup endpoint is refused by AdminSetupGuardFilter once any user exists (CVE-2026-77226).
     */
    static RequestMatcher[] webappPublicRoutes() {
        return routes(
            "GET /camunda",
            "GET /camunda/",
            "GET /camunda/app/**",
            "GET /camunda/lib/**",
            "GET /camunda/assets/**",
            "GET /camunda/favicon.ico",
            "GET /camunda/api/{app}/plugin/{plugin}/static/**",
            "GET /camunda/api/engine/engine",
            "GET /camunda/api/engine/engine/",
            "GET /camunda/api/admin/auth/user/{engine}",
            "POST /camunda/api/admin/auth/user/{engine}/logout",
            "* /camunda/api/admin/setup/**");
    }

    /** {@code "GET /path"} → a matcher; {@code "* /path"} matches every method. */
    static RequestMatcher[] routes(String... routes) {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return Arrays.stream(routes).map(route -> route.split(" ", 2))
                .map(route -> route[0].equals("*") ? path.matcher(route[1])
                        : path.matcher(HttpMethod.valueOf(route[0]), route[1]))
                .toArray(RequestMatcher[]::new);
    }

    @Bean
    AuthenticationManager authenticationManager(IdentityService identityService,
                                                PlatformTransactionManager transactions) {
        return new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService, transactions));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            ObjectMapper objectMapper,
                                            @Value("${cartflow.payment.simulator.enabled:false}") boolean simulator,
                                            @Value("${" + SimulatorCallerKey.PROPERTY + ":}") String simulatorKey,
                                            @Value("${cartflow.security.production-headers:false}") boolean production)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(objectMapper);
        http
            .authenticationManager(authenticationManager)
            // after HTTP Basic, before the anonymous fallback
            .addFilterBefore(new WebappAuthentication(authenticationManager), AnonymousAuthenticationFilter.class)
            .addFilterBefore(new SimulatorCallerAuthentication(simulator ? simulatorKey : null),
                    AnonymousAuthenticationFilter.class)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasAuthority(authority(ADMIN))
                .requestMatchers("/", "/error").permitAll()
                // newsletter readers: uploaded files by their unguessable id (MAIL-3), signed one-click unsubscribe
                .requestMatchers(HttpMethod.GET, "/files/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/newsletter/unsubscribe").permitAll()
                .requestMatchers(HttpMethod.POST, "/newsletter/unsubscribe").permitAll()
                // the webapps: login pages for everyone, the login itself and everything else for staff only
                .requestMatchers(webappPublicRoutes()).permitAll()
                .requestMatchers(WebappAuthentication.LOGIN).hasAnyAuthority(STAFF)
                .requestMatchers("/camunda/**").hasAnyAuthority(STAFF)
                .requestMatchers("/simulator/**").access((authentication, context) -> new AuthorizationDecision(
                        simulator && authentication.get().getAuthorities().stream().map(a -> a.getAuthority())
                                .anyMatch(a -> a.equals(authority(ADMIN)) || a.equals(SimulatorCallerAuthentication.AUTHORITY))))
                .requestMatchers(storefrontEngineRoutes()).hasAnyAuthority(API_USERS)
                .requestMatchers("/engine-rest/**").hasAnyAuthority(STAFF)
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                    .hasAnyAuthority(API_USERS)
                // the storefront reads stock; /api/inventory/{tool}/stock has its own chain (inventory room)
                .requestMatchers(HttpMethod.GET, "/api/inventory/stock").hasAnyAuthority(authority(INTEGRATIONS), authority(ADMIN))
                .requestMatchers("/api/inventory/**").hasAnyAuthority(authority(INVENTORY_TOOLS), authority(ADMIN))
                .requestMatchers("/api/demo/**").hasAnyAuthority(STAFF)
                .requestMatchers("/api/admin/**").hasAuthority(authority(ADMIN))
                // the bounce mailbox's credentials: operators and admins, not the storefront integration
                .requestMatchers("/api/shop/bounce-settings", "/api/shop/bounce-settings/**")
                    .hasAnyAuthority(STAFF)
                // webhook endpoints (their secrets): the integration and admins, not operators
                .requestMatchers("/api/webhooks/**").hasAnyAuthority(authority(INTEGRATIONS), authority(ADMIN))
                .requestMatchers("/api/**").hasAnyAuthority(API_USERS)
                .anyRequest().hasAuthority(authority(ADMIN)))
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            // Spring keeps no session of its own; the webapps' session is Camunda's (its login renews the id).
            // Without sessionFixation none, WebappAuthentication's per-request authentication looked "new" on every
            // request and Spring changed the session id each time: parallel Tasklist requests then lost the session.
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                    .sessionFixation(fixation -> fixation.none()))
            // stateless Basic-auth APIs carry no cookies to forge; the webapps run Camunda's own CSRF filter
            .csrf(csrf -> csrf.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable())
            .headers(headers -> productionHeaders(headers, production));
        return http.build();
    }

    /**
     * The postgres profile (cartflow.security.production-headers): HSTS on every answer (TLS ends in front
     * of the service, docs/operations.md), and on /api a CSP that loads nothing and no referrer.
     */
    private static void productionHeaders(HeadersConfigurer<HttpSecurity> headers, boolean production) {
        if (!production) {
            headers.httpStrictTransportSecurity(hsts -> hsts.disable());
            return;
        }
        headers.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                .includeSubDomains(true).maxAgeInSeconds(31_536_000));
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(api, new StaticHeadersWriter(
                "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")));
        headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(api,
                new StaticHeadersWriter("Referrer-Policy", "no-referrer")));
    }

    /** After Spring Security has authenticated the caller, tell the engine who it is (and its groups). */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.setName("camunda-engine-rest-authentication");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
