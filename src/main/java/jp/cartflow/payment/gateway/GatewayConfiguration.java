package jp.cartflow.payment.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Locale;

/** One HTTP adapter per gateway, each with its dialect, timeouts and base URL. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

    @Bean
    HttpCreditGateway zeusCardGateway(GatewayProperties properties, Environment environment, ObjectMapper json) {
        return adapter(Gateway.ZEUS, ZeusCardGateway.WIRE, properties, environment, json);
    }

    @Bean
    HttpCreditGateway sbpsCardGateway(GatewayProperties properties, Environment environment, ObjectMapper json) {
        return adapter(Gateway.SBPS, SbpsCardGateway.WIRE, properties, environment, json);
    }

    @Bean
    HttpCreditGateway npDeferredGateway(GatewayProperties properties, Environment environment, ObjectMapper json) {
        return adapter(Gateway.NP, NpDeferredGateway.WIRE, properties, environment, json);
    }

    private static HttpCreditGateway adapter(Gateway gateway, WireFormat wire, GatewayProperties properties,
                                             Environment environment, ObjectMapper json) {
        String key = "cartflow.payment." + gateway.name().toLowerCase(Locale.ROOT) + ".base-url";
        GatewayProperties.Timeouts timeouts = properties.of(gateway);
        String apiKey = "cartflow.payment." + gateway.name().toLowerCase(Locale.ROOT) + ".api-key";
        return new HttpCreditGateway(gateway, wire, () -> environment.getProperty(key),
                () -> environment.getProperty(apiKey), timeouts.connectTimeout(), timeouts.readTimeout(), json);
    }
}
