package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/** Engine settings that must hold in every profile. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    CamundaDeploymentConfiguration camundaDeploymentConfiguration() {
        return new StableNameDeploymentConfiguration();
    }

    /** Due-date acquisition with its index (docs/performance.md); off only to measure Camunda's defaults. */
    @Bean
    @ConditionalOnProperty(prefix = "cartflow.engine", name = "due-date-acquisition", havingValue = "true",
            matchIfMissing = true)
    ProcessEnginePlugin jobAcquisitionIndex() {
        return new JobAcquisitionIndex();
    }

    /** No activity history for the steps a model marks {@code history = technical} (docs/performance.md). */
    @Bean
    ProcessEnginePlugin technicalActivityHistory() {
        return new TechnicalActivityHistory();
    }

    /** Tells {@link DecisionResults} when a deployment may have brought a new decision version. */
    @Bean
    DecisionDeployments decisionDeployments() {
        return new DecisionDeployments();
    }

    /** Job executor and incident meters for /actuator/prometheus (docs/operations.md, "Metrics"). */
    @Bean
    EngineMetrics engineMetrics(JdbcClient jdbc) {
        return new EngineMetrics(jdbc);
    }

    /**
     * Secure by default: no Java-serialized variables, no expressions in ad-hoc queries, and
     * authorization checks for everything that arrives through the REST API or the webapps.
     */
    @Bean
    ProcessEnginePlugin secureEngineDefaults() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setJavaSerializationFormatEnabled(false);
                configuration.setEnableExpressionsInAdhocQueries(false);
                configuration.setAuthorizationEnabled(true);
                configuration.setEnforceHistoryTimeToLive(true);
                List<HistoryLevel> custom = new ArrayList<>(configuration.getCustomHistoryLevels() == null
                        ? List.of() : configuration.getCustomHistoryLevels());
                custom.add(new AuditWithoutGatewaysHistoryLevel());
                configuration.setCustomHistoryLevels(custom);
                // group ids like "inventory-tools" need the hyphen (the default allows [a-zA-Z0-9]+ only)
                configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9-]*|camunda-admin");
                configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
            }
        };
    }
}
