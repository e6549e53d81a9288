package jp.cartflow.platform.config;

import jp.cartflow.CartflowApplication;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@DisplayName("Production (postgres profile) refuses to start without its environment variables")
class RequiredSettingsTest {

    @Test
    @DisplayName("without CARTFLOW_DB_URL start-up fails naming the variable, and the failure analysis names it too")
    void missingDatabaseUrlStopsStartUp() {
        Assumptions.assumeTrue(System.getenv("CARTFLOW_DB_URL") == null, "CARTFLOW_DB_URL is set in this environment");

        RequiredSettings.MissingSettingsException failure = catchThrowableOfType(RequiredSettings.MissingSettingsException.class,
                () -> new SpringApplicationBuilder(CartflowApplication.class)
                        .profiles("postgres")
                        .web(WebApplicationType.NONE)
                        .run().close());

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("CARTFLOW_DB_URL");
        assertThat(failure.missing()).contains("CARTFLOW_DB_URL");

        FailureAnalysis analysis = new MissingSettingsFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("CARTFLOW_DB_URL");
        assertThat(analysis.getAction()).contains("CARTFLOW_DB_URL");
    }

    @Test
    @DisplayName("a mistyped profile (postgress) stops start-up with one line naming it, no stack trace in the analysis")
    void mistypedProfile() {
        RequiredSettings.UnknownProfileException failure = catchThrowableOfType(
                RequiredSettings.UnknownProfileException.class,
                () -> new SpringApplicationBuilder(CartflowApplication.class)
                        .profiles("postgress")
                        .web(WebApplicationType.NONE)
                        .run().close());
        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("'postgress'".replace("'", "")).contains("demo").contains("postgres")
                .doesNotContain("\n");
        FailureAnalysis analysis = new MissingSettingsFailureAnalyzer.UnknownProfile().analyze(failure);
        assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
        assertThat(analysis.getCause()).isNull();
    }
}
