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
import org.springframework.security.web.SecurityFilterChain;

import static jp.cartflow.platform.security.CartflowGroups.ADMIN;
import static jp.cartflow.platform.security.CartflowGroups.INTEGRATIONS;
import static jp.cartflow.platform.security.CartflowGroups.INVENTORY_TOOLS;
import static jp.cartflow.platform.security.CartflowGroups.OPERATORS;
import static jp.cartflow.platform.security.CartflowGroups.authority;

/**
 * Who may call what.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's users; access by group (rules below).</li>
 *   <li>{@code /engine-rest/**}: HTTP Basic against the same users (every path, {@code /engine}
 *       included), then Camunda's {@link ProcessEngineAuthenticationFilter} hands the user and its
 *       groups to the engine, whose authorization checks are on.</li>
 *   <li>{@code /camunda/**} (Tasklist, Cockpit, Admin): Camunda's own login, CSRF and headers.</li>
 *   <li>Only {@code /actuator/health} is open, and {@code /simulator/**} (the in-process payment gateway
 *       simulator) when {@code cartflow.payment.simulator.enabled} is true (demo profile, tests): it stands
 *       for an outside gateway, which our adapters call without our users' credentials.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    AuthenticationManager authenticationManager(IdentityService identityService) {
        return new ProviderManager(new CamundaIdentityAuthenticationProvider(identityService));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            ObjectMapper objectMapper,
                                            @Value("${cartflow.payment.simulator.enabled:false}") boolean simulator)
            throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers(objectMapper);
        http
            .authenticationManager(authenticationManager)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // the webapps authenticate with Camunda's own login and session
                .requestMatchers("/camunda/**").permitAll()
                .requestMatchers("/", "/error").permitAll()
                .requestMatchers("/simulator/**").access((authentication, context) -> new AuthorizationDecision(simulator))
                .requestMatchers("/engine-rest/**").hasAnyAuthority(authority(ADMIN), authority(OPERATORS), authority(INTEGRATIONS))
                .requestMatchers("/api/inventory/**").hasAnyAuthority(authority(INVENTORY_TOOLS), authority(ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/demo/**").authenticated()
                .requestMatchers("/api/admin/**").hasAuthority(authority(ADMIN))
                .requestMatchers("/api/webhooks/**").hasAnyAuthority(authority(INTEGRATIONS), authority(ADMIN))
                .requestMatchers("/api/**").hasAnyAuthority(authority(OPERATORS), authority(INTEGRATIONS), authority(ADMIN))
                .anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(problems))
            .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // stateless Basic-auth APIs carry no cookies to forge; the webapps run Camunda's own CSRF filter
            .csrf(csrf -> csrf.disable())
            .formLogin(form -> form.disable())
            .logout(logout -> logout.disable());
        return http.build();
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
