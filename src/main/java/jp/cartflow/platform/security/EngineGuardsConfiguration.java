package jp.cartflow.platform.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Our own guards for the Camunda 7.24 CE CVEs with no community fix: one inside the engine, one in front of the Admin setup. */
@Configuration(proxyBeanMethods = false)
class EngineGuardsConfiguration {

    /** CVE-2026-109432: no expression in any task query, checked inside the engine (ADR 0006). */
    @Bean
    ProcessEnginePlugin taskQueryExpressionGuard() {
        return new TaskQueryExpressionGuard();
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
