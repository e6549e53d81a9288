package jp.cartflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Our own guards in front of the engine's REST API and the webapps, for CVEs with no community fix. */
@Configuration(proxyBeanMethods = false)
class EngineGuardsConfiguration {

    @Bean
    FilterRegistrationBean<QueryExpressionGuardFilter> queryExpressionGuard() {
        FilterRegistrationBean<QueryExpressionGuardFilter> registration =
                new FilterRegistrationBean<>(new QueryExpressionGuardFilter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("cve-2026-109432-query-expression-guard");
        // after Spring Security: an anonymous caller gets 401 before anything reads its body
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminSetupGuardFilter> adminSetupGuard(IdentityService identityService) {
        FilterRegistrationBean<AdminSetupGuardFilter> registration =
                new FilterRegistrationBean<>(new AdminSetupGuardFilter(identityService));
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setName("cve-2026-77226-admin-setup-guard");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
