package jp.cartflow.shipping.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who made a process move: the user completing the task, or the engine itself (a job). */
final class ProcessActors {

    private ProcessActors() {
    }

    static String of(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? "process" : authentication.getUserId();
    }
}
