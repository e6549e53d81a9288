package jp.cartflow.platform.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports missing production settings as one clear line instead of a stack trace. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<RequiredSettings.MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, RequiredSettings.MissingSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Export " + String.join(", ", cause.missing()) + " and start again.", cause);
    }
}
