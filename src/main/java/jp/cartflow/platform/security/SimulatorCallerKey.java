package jp.cartflow.platform.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The demo's gateway simulator answers only the application's own gateway adapters (and the
 * administrator). The adapters prove who they are with the key they send to any gateway
 * ({@code X-Api-Key}); for the simulator that key is drawn at random once per start, unless
 * {@code cartflow.payment.simulator.caller-key} is set, and never leaves the process.
 */
public class SimulatorCallerKey implements EnvironmentPostProcessor {

    static final String PROPERTY = "cartflow.payment.simulator.caller-key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            environment.getPropertySources().addFirst(new MapPropertySource("simulator-caller-key",
                    Map.of(PROPERTY, HexFormat.of().formatHex(random))));
        }
    }
}
