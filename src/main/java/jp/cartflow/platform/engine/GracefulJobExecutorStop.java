package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Graceful stop of the job executor (SIGTERM, context close), before the engine and the DataSource go away:
 * <ol>
 *   <li>stop acquiring: {@link JobExecutor#shutdown()} ends the acquisition thread and marks the executor
 *       inactive;</li>
 *   <li>jobs already handed to a thread run to their end; a batch still waiting in the queue finds the executor
 *       inactive and unlocks its jobs instead of running them (the engine's own behaviour), so another node
 *       takes them at once instead of after the lock time;</li>
 *   <li>all this within {@code bound}; a job still running after it keeps its lock until the lock time ends.</li>
 * </ol>
 */
class GracefulJobExecutorStop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulJobExecutorStop.class);

    private final ObjectProvider<JobExecutor> jobExecutor;
    private final Supplier<ThreadPoolTaskExecutor> executor;
    private final Duration bound;
    private volatile boolean running;

    GracefulJobExecutorStop(ObjectProvider<JobExecutor> jobExecutor, Supplier<ThreadPoolTaskExecutor> executor,
                            Duration bound) {
        this.jobExecutor = jobExecutor;
        this.executor = executor;
        this.bound = bound;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        JobExecutor jobs = jobExecutor.getIfAvailable();
        if (jobs == null || !jobs.isActive()) {
            return;
        }
        long started = System.nanoTime();
        jobs.shutdown();
        ThreadPoolTaskExecutor tasks = executor.get();
        if (tasks == null) {
            return;
        }
        ThreadPoolExecutor pool = tasks.getThreadPoolExecutor();
        int queued = pool.getQueue().size();
        int active = pool.getActiveCount();
        pool.shutdown();
        boolean finished;
        try {
            finished = pool.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (finished) {
            log.info("job executor stopped in {} ms: {} running job batch(es) finished, {} queued batch(es) unlocked",
                    ms, active, queued);
        } else {
            log.warn("job executor: {} job(s) still running after {} ms; their locks expire after the lock time",
                    pool.getActiveCount(), ms);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return JobExecutorConfiguration.Phases.JOB_EXECUTOR_STOP;
    }
}
