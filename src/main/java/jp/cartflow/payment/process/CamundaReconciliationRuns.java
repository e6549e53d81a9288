package jp.cartflow.payment.process;

import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess;
import jp.cartflow.payment.reconciliation.ReconciliationRuns;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine adapter of {@link ReconciliationRuns}: starts at the none start event (the timer has its own). */
@Component
class CamundaReconciliationRuns implements ReconciliationRuns {

    private final RuntimeService runtime;

    CamundaReconciliationRuns(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String startRun() {
        return runtime.startProcessInstanceByKey(PaymentStatusReconciliationProcess.KEY).getId();
    }
}
