package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the job executor (health group {@code readiness}, docs/operations.md): DOWN when it should run but
 * does not (stopped after SIGTERM, or failed to start). A node whose executor is switched off on purpose
 * ({@code camunda.bpm.job-execution.enabled=false}, e.g. a web-only node) is ready.
 */
@Component("jobAcquisition")
class JobExecutorReadiness extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl engine;
    private final boolean enabled;

    JobExecutorReadiness(ProcessEngineConfigurationImpl engine,
                         @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.enabled:true}")
                         boolean enabled) {
        this.engine = engine;
        this.enabled = enabled;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JobExecutor executor = engine.getJobExecutor();
        if (!enabled) {
            builder.up().withDetail("jobExecutor", "disabled on this node");
        } else if (executor != null && executor.isActive()) {
            builder.up().withDetail("lockOwner", executor.getLockOwner());
        } else {
            builder.down().withDetail("jobExecutor", "not acquiring");
        }
    }
}
