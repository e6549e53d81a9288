package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the deployments this engine parses (its own, and others' when it loads them), so that
 * {@link DecisionResults} can keep the id of a decision's latest version between calls and still answer a
 * deployment made on this node with the new version at once.
 */
public class DecisionDeployments extends AbstractProcessEnginePlugin {

    private final AtomicLong parsed = new AtomicLong();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>(configuration.getCustomPostDeployers() == null
                ? List.of() : configuration.getCustomPostDeployers());
        deployers.add(deployment -> parsed.incrementAndGet());
        configuration.setCustomPostDeployers(deployers);
    }

    /** Changes whenever this engine has parsed a deployment. */
    long generation() {
        return parsed.get();
    }
}
