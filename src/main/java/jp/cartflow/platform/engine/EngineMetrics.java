package jp.cartflow.platform.engine;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The job executor and incidents as Micrometer meters (docs/operations.md, "Metrics"). The engine's own counters
 * are flushed to ACT_RU_METER_LOG every 15 minutes and reset in memory; {@link CountingMetricsRegistry} keeps a
 * running total per node beside them, which Prometheus turns into rates. The gauges are one indexed count each
 * per scrape.
 */
public class EngineMetrics extends AbstractProcessEnginePlugin implements MeterBinder {

    /** Engine meter → Prometheus name (without the {@code _total} suffix Prometheus adds). */
    static final Map<String, String> COUNTERS = Map.of(
            Metrics.JOB_ACQUISITION_ATTEMPT, "cartflow.jobs.acquisition.attempts",
            Metrics.JOB_ACQUIRED_SUCCESS, "cartflow.jobs.acquired",
            Metrics.JOB_ACQUIRED_FAILURE, "cartflow.jobs.acquisition.conflicts",
            Metrics.JOB_EXECUTION_REJECTED, "cartflow.jobs.rejected",
            Metrics.JOB_SUCCESSFUL, "cartflow.jobs.succeeded",
            Metrics.JOB_FAILED, "cartflow.jobs.failed.attempts",
            Metrics.JOB_LOCKED_EXCLUSIVE, "cartflow.jobs.locked.exclusive");

    private final CountingMetricsRegistry counting = new CountingMetricsRegistry();
    private final JdbcClient jdbc;

    public EngineMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsEnabled(true);
        configuration.setMetricsRegistry(counting);
    }

    /** This node's running total of an engine meter since start (e.g. {@link Metrics#JOB_EXECUTION_REJECTED}). */
    public long total(String engineMeter) {
        return counting.total(engineMeter);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        COUNTERS.forEach((meter, name) -> FunctionCounter.builder(name, counting, c -> c.total(meter))
                .description("engine meter " + meter + " on this node since start").register(registry));
        Gauge.builder("cartflow.jobs.due.not.acquired", this, m -> m.count("""
                        SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1
                        AND (duedate_ IS NULL OR duedate_ <= :now)
                        AND (lock_owner_ IS NULL OR lock_exp_time_ < :now)"""))
                .description("jobs that are due, not locked by any node, and have retries left (cluster-wide)")
                .register(registry);
        Gauge.builder("cartflow.jobs.failed", this, m -> m.count(
                        "SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0 AND :now IS NOT NULL"))
                .description("jobs whose retries ran out (each is an incident)").register(registry);
        Gauge.builder("cartflow.incidents.open", this, m -> m.count(
                        "SELECT COUNT(*) FROM act_ru_incident WHERE id_ = root_cause_incident_id_ AND :now IS NOT NULL"))
                .description("open incidents, each counted once (not the copies on calling processes)")
                .register(registry);
    }

    private double count(String sql) {
        return jdbc.sql(sql).param("now", Timestamp.from(ClockUtil.getCurrentTime().toInstant())).query(Long.class)
                .single();
    }

    /** The engine's registry, plus a running total per meter that is never reset by the DB reporter. */
    static final class CountingMetricsRegistry extends MetricsRegistry {

        private final Map<String, LongAdder> totals = new ConcurrentHashMap<>();

        @Override
        public void markOccurrence(String name, long times) {
            super.markOccurrence(name, times);
            totals.computeIfAbsent(name, n -> new LongAdder()).add(times);
        }

        long total(String name) {
            LongAdder adder = totals.get(name);
            return adder == null ? 0 : adder.sum();
        }
    }
}
