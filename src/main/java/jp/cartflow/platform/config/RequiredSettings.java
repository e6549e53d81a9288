package jp.cartflow.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

import java.util.List;

/**
 * Production ({@code postgres} profile) takes its settings from environment variables only; a missing
 * one stops start-up before anything connects anywhere, with one line naming the variables
 * (reported by {@link MissingSettingsFailureAnalyzer}).
 */
class RequiredSettings implements EnvironmentPostProcessor {

    /** Variables that production cannot start without: no defaults, no demo passwords. */
    static final List<String> PRODUCTION = List.of(
            "CARTFLOW_DB_URL", "CARTFLOW_DB_USER", "CARTFLOW_DB_PASSWORD",
            "CARTFLOW_ADMIN_PASSWORD", "CARTFLOW_SMTP_HOST");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> unknown = java.util.Arrays.stream(environment.getActiveProfiles())
                .filter(profile -> !KNOWN_PROFILES.contains(profile)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownProfileException(unknown);
        }
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        List<String> missing = PRODUCTION.stream()
                .filter(name -> {
                    String value = environment.getProperty(name);
                    return value == null || value.isBlank();
                })
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    /** demo and postgres for installations; test and bench for the build. */
    static final List<String> KNOWN_PROFILES = List.of("demo", "postgres", "test", "bench", "cluster");

    /** A mistyped profile ("postgress") would otherwise start something nobody asked for. */
    public static class UnknownProfileException extends IllegalStateException {
        UnknownProfileException(List<String> unknown) {
            super("Unknown profile(s) " + unknown + ": cartflow runs with 'demo' or 'postgres' (see docs/configuration.md)");
        }
    }

    /** Thrown when required production settings are absent. */
    public static class MissingSettingsException extends IllegalStateException {
        private final List<String> missing;

        MissingSettingsException(List<String> missing) {
            super("Missing required setting(s) for profile 'postgres': " + String.join(", ", missing)
                    + " (set them as environment variables; see docs/configuration.md)");
            this.missing = List.copyOf(missing);
        }

        public List<String> missing() {
            return missing;
        }
    }
}
