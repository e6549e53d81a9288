package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who made a process move, for the audit trail: the user completing the task (the engine's current
 * authentication), or {@code process} when the engine itself moves on (a job).
 */
public final class ProcessActors {

    private ProcessActors() {
    }

    public static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "process" : authentication.getUserId();
    }
}
