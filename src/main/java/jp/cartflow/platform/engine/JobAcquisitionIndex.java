package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The job executor acquires due jobs by due date ({@code jobExecutorAcquireByDueDate}) and every job has one
 * ({@code ensureJobDueDateNotNull}), so the acquisition query becomes {@code RETRIES_ > 0 AND DUEDATE_ <= now …
 * ORDER BY DUEDATE_}. Camunda ships no index for it: on PostgreSQL we add a partial one over the acquirable
 * jobs, created after the engine has created (or found) its tables. See docs/performance.md for the
 * measurement.
 */
class JobAcquisitionIndex extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);
    static final String INDEX = "cf_ix_act_ru_job_acquisition";

    private DataSource dataSource;
    private String databaseType;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setJobExecutorAcquireByDueDate(true);
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.dataSource = configuration.getDataSource();
        this.databaseType = configuration.getDatabaseType();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        String ddl = switch (databaseType) {
            case "postgres" -> "CREATE INDEX IF NOT EXISTS " + INDEX
                    + " ON act_ru_job (duedate_) WHERE retries_ > 0 AND suspension_state_ = 1";
            case "h2" -> "CREATE INDEX IF NOT EXISTS " + INDEX + " ON ACT_RU_JOB (DUEDATE_)";
            default -> null;
        };
        if (ddl == null) {
            log.info("No job acquisition index for database type {}", databaseType);
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the job acquisition index: " + ddl, e);
        }
    }
}
