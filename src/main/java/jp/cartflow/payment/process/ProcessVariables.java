package jp.cartflow.payment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Reads the ids the payment delegates need, failing clearly when a caller did not pass them. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static long id(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("process variable " + variable + " is missing or not a number: " + value);
        }
        return number.longValue();
    }
}
