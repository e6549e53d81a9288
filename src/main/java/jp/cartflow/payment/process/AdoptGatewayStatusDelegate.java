package jp.cartflow.payment.process;

import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.Var;
import jp.cartflow.payment.reconciliation.ReconciliationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ゲートウェイの状態を採用する (PAY-2). */
@Component("adoptGatewayStatusDelegate")
class AdoptGatewayStatusDelegate implements JavaDelegate {

    private final ReconciliationService service;

    AdoptGatewayStatusDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.adopt(ProcessVariables.id(execution, Var.MISMATCH_ID), ProcessActors.of(execution));
    }
}
