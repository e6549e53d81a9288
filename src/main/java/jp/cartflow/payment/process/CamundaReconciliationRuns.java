package jp.cartflow.payment.process;

import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess;
import jp.cartflow.payment.reconciliation.ReconciliationRuns;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine adapter of {@link ReconciliationRuns}: a run on request starts at the message start event (Camunda 7
 * allows no none start event beside a timer start event).
 */
@Component
class CamundaReconciliationRuns implements ReconciliationRuns {

    private final RuntimeService runtime;

    CamundaReconciliationRuns(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String startRun() {
        return runtime.startProcessInstanceByMessage(PaymentStatusReconciliationProcess.MESSAGE_RUN_REQUESTED).getId();
    }
}
