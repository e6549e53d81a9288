package jp.cartflow.reliability;

import jp.cartflow.CartflowApplication;
import jp.cartflow.platform.engine.EngineMetrics;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the two-node test, in a JVM of its own so that the test can kill it ({@code kill -9}). It reports on
 * stdout: {@code NODE READY lockOwner=…} once started, then every 250 ms its engine counters, so the test still
 * knows them after the kill.
 */
public final class ClusterNode {

    static final String READY = "NODE READY lockOwner=";
    static final String METRICS = "NODE METRICS ";

    private ClusterNode() {
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CartflowApplication.class, ClusterNodeBeans.class)
                .profiles("demo", "cluster").run(args);
    }

    static String lockOwner(ConfigurableApplicationContext app) {
        return app.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor().getLockOwner();
    }

    static String metricsLine(EngineMetrics metrics) {
        return METRICS + "acquired=" + metrics.total(Metrics.JOB_ACQUIRED_SUCCESS)
                + " conflicts=" + metrics.total(Metrics.JOB_ACQUIRED_FAILURE)
                + " rejected=" + metrics.total(Metrics.JOB_EXECUTION_REJECTED)
                + " succeeded=" + metrics.total(Metrics.JOB_SUCCESSFUL)
                + " failed=" + metrics.total(Metrics.JOB_FAILED);
    }

    public static void main(String[] args) throws InterruptedException {
        ConfigurableApplicationContext app = start(args);
        EngineMetrics metrics = app.getBean(EngineMetrics.class);
        System.out.println(READY + lockOwner(app));
        System.out.flush();
        while (app.isActive()) {
            Thread.sleep(250);
            System.out.println(metricsLine(metrics));
            System.out.flush();
        }
    }
}
