package jp.cartflow.payment.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Timeouts of the gateway adapters ({@code cartflow.payment.zeus|sbps|np.connect-timeout / read-timeout}).
 * The base URLs ({@code cartflow.payment.<gateway>.base-url}) are read at every call by
 * {@link GatewayConfiguration}, so they may name {@code local.server.port} (demo and tests call the
 * in-process simulator).
 */
@ConfigurationProperties(prefix = "cartflow.payment")
record GatewayProperties(@DefaultValue Timeouts zeus, @DefaultValue Timeouts sbps, @DefaultValue Timeouts np) {

    public record Timeouts(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout) {
    }

    public Timeouts of(Gateway gateway) {
        return switch (gateway) {
            case ZEUS -> zeus;
            case SBPS -> sbps;
            case NP -> np;
        };
    }
}
