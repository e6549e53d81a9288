package jp.cartflow.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    IdentityBootstrap identityBootstrap(IdentityProperties properties) {
        return new IdentityBootstrap(properties);
    }
}
