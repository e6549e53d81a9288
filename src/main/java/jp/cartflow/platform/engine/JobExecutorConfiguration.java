package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.time.Duration;

/**
 * The job executor's threads, queue, lock time and shutdown, fitted together (docs/operations.md, "Job executor"):
 * <ul>
 *   <li>the task executor's queue makes the acquisition thread wait for a free slot instead of rejecting
 *       ({@link BackpressureQueue}), so jobs are not acquired only to be handed back;</li>
 *   <li>on shutdown the executor stops acquiring, lets running jobs finish within a bound and unlocks what it
 *       had acquired but not started ({@link GracefulJobExecutorStop});</li>
 *   <li>the lock time must exceed the longest a job's remote calls may take ({@link JobLockBudget}, checked at
 *       start).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JobExecutorConfiguration {

    /** Replaces the starter's bean of the same name (it is {@code @ConditionalOnMissingBean} by name). */
    @Bean(name = "camundaTaskExecutor")
    ThreadPoolTaskExecutor camundaTaskExecutor(CamundaBpmProperties properties,
                                               @Value("${cartflow.engine.job-queue-backpressure:true}") boolean backpressure,
                                               @Value("${cartflow.engine.job-queue-offer-wait:5s}") Duration offerWait) {
        JobExecutionProperty jobs = properties.getJobExecution();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor() {
            @Override
            protected java.util.concurrent.BlockingQueue<Runnable> createQueue(int queueCapacity) {
                return backpressure ? new BackpressureQueue(queueCapacity, offerWait) : super.createQueue(queueCapacity);
            }
        };
        executor.setThreadNamePrefix("camundaTaskExecutor-");
        executor.setCorePoolSize(jobs.getCorePoolSize());
        executor.setMaxPoolSize(jobs.getMaxPoolSize());
        executor.setQueueCapacity(jobs.getQueueCapacity());
        if (jobs.getKeepAliveSeconds() != null) {
            executor.setKeepAliveSeconds(jobs.getKeepAliveSeconds());
        }
        // destruction waits for what GracefulJobExecutorStop left running; the lifecycle stop does the real work
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(1);
        return executor;
    }

    @Bean
    GracefulJobExecutorStop gracefulJobExecutorStop(ObjectProvider<JobExecutor> jobExecutor,
                                                    @Qualifier("camundaTaskExecutor")
                                                    ObjectProvider<ThreadPoolTaskExecutor> executor,
                                                    @Value("${cartflow.engine.shutdown-wait:20s}") Duration bound) {
        return new GracefulJobExecutorStop(jobExecutor, executor::getIfAvailable, bound);
    }

    @Bean
    JobLockBudget jobLockBudget(Environment environment, CamundaBpmProperties properties) {
        JobLockBudget budget = new JobLockBudget(Binder.get(environment), properties.getJobExecution().getLockTimeInMillis());
        budget.check();
        return budget;
    }

    /** One WARN per retried job failure, one ERROR per incident (docs/operations.md, "Logs"). */
    @Bean
    ProcessEnginePlugin jobFailureLogging() {
        return new JobFailureLogging();
    }

    interface Phases {
        /** Stopped before the web server's graceful shutdown and before the engine is closed. */
        int JOB_EXECUTOR_STOP = SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
