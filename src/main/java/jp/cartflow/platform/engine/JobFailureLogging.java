package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What a failing job writes to the log (docs/operations.md, "Logs"):
 * <ul>
 *   <li>a failure that will be retried: one WARN line (logger {@code jp.cartflow.jobs}) with the order number (or
 *       the process's business key), the step, the retries left, the next attempt and the cause — no stack trace
 *       (at DEBUG);</li>
 *   <li>the last failure, which becomes an incident: one ERROR line with the same facts, from the incident
 *       handler. The copy a call activity makes in the calling process is not logged again.</li>
 * </ul>
 * The engine's own lines for the same event ({@code ENGINE-16004}, {@code ENGINE-14006}) are switched off
 * ({@code enableCmdExceptionLogging=false}; the job executor's category at ERROR in application.yaml).
 * <p>
 * When a job's retries run out its due date is set to now: the retry cycle would otherwise leave it at "last
 * failure + interval", so that an operator's Retry (Cockpit, or {@code PUT /engine-rest/job/{id}/retries})
 * would wait that long before running.
 */
class JobFailureLogging extends AbstractProcessEnginePlugin {

    static final Logger log = LoggerFactory.getLogger("jp.cartflow.jobs");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableCmdExceptionLogging(false);
        FailedJobCommandFactory engineDefault = configuration.getFailedJobCommandFactory() != null
                ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
        configuration.setFailedJobCommandFactory(new LoggingFailedJobCommandFactory(engineDefault));
        List<IncidentHandler> handlers = new ArrayList<>(configuration.getCustomIncidentHandlers() == null
                ? List.of() : configuration.getCustomIncidentHandlers());
        handlers.add(new LoggingIncidentHandler());
        configuration.setCustomIncidentHandlers(handlers);
    }

    /** Who a job belongs to, for a log line: "order S00000001-2" or "business key …". */
    static String subject(ExecutionEntity execution) {
        if (execution == null) {
            return "no process instance";
        }
        Object orderNo = execution.getVariable("orderNo");
        if (orderNo != null) {
            return "order " + orderNo;
        }
        String key = execution.getProcessBusinessKey();
        return key == null ? "process instance " + execution.getProcessInstanceId() : "business key " + key;
    }

    static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? top : top + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    static final class LoggingFailedJobCommandFactory implements FailedJobCommandFactory {

        private final FailedJobCommandFactory delegate;

        LoggingFailedJobCommandFactory(FailedJobCommandFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Command<Object> getCommand(String jobId, Throwable exception) {
            Command<Object> engineCommand = delegate.getCommand(jobId, exception);
            return (CommandContext context) -> {
                Object result = engineCommand.execute(context);
                JobEntity job = context.getJobManager().findJobById(jobId);
                if (job == null) {
                    return result;
                }
                if (job.getRetries() > 0) {
                    log.warn("{} failed in {}/{} (job {}), {} retr{} left, next attempt at {}: {}",
                            subject(job.getExecution()), job.getProcessDefinitionKey(), job.getActivityId(), jobId,
                            job.getRetries(), job.getRetries() == 1 ? "y" : "ies", job.getDuedate(), cause(exception));
                    log.debug("stack trace of the failure of job {}", jobId, exception);
                } else {
                    job.setDuedate(ClockUtil.getCurrentTime());
                }
                return result;
            };
        }
    }

    static final class LoggingIncidentHandler extends DefaultIncidentHandler {

        LoggingIncidentHandler() {
            super(Incident.FAILED_JOB_HANDLER_TYPE);
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            Incident incident = super.handleIncident(context, message);
            ExecutionEntity execution = context.getExecutionId() == null ? null
                    : org.camunda.bpm.engine.impl.context.Context.getCommandContext().getExecutionManager()
                    .findExecutionById(context.getExecutionId());
            log.error("INCIDENT {} — {} at {} (job {}), retries exhausted: {}. Fix the cause, then Retry this incident "
                            + "(the copy shown on a calling process clears with it).", incident.getId(),
                    subject(execution), context.getActivityId(), context.getConfiguration(), message);
            return incident;
        }

        /*
         * The engine asks for a job's incident whenever a job is deleted, i.e. after every successful job: one query
         * per subscription delivery. A failed-job incident exists only while the job's retries are 0 (the engine
         * creates it when they reach 0 and resolves it when they are raised again, before it changes them), so a job
         * this command holds with retries left has none to remove.
         */
        @Override
        public void resolveIncident(IncidentContext context) {
            if (mayHaveIncident(context)) {
                super.resolveIncident(context);
            }
        }

        @Override
        public void deleteIncident(IncidentContext context) {
            if (mayHaveIncident(context)) {
                super.deleteIncident(context);
            }
        }

        private static boolean mayHaveIncident(IncidentContext context) {
            CommandContext command = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
            if (command == null || context.getConfiguration() == null) {
                return true;
            }
            JobEntity job = command.getDbEntityManager().getCachedEntity(JobEntity.class, context.getConfiguration());
            return job == null || job.getRetries() <= 0;
        }
    }
}
