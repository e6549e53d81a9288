package jp.cartflow.payment.process;

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

    static long id(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("process variable " + variable + " is missing or not a number: " + value);
        }
        return number.longValue();
    }
}
