package jp.cartflow.payment.process;

import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.Var;
import jp.cartflow.payment.reconciliation.ReconciliationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ゼウス連動を外す (PAY-2): 未決済, shop memo records the gateway-side state. */
@Component("unlinkGatewayDelegate")
class UnlinkGatewayDelegate implements JavaDelegate {

    private final ReconciliationService service;

    UnlinkGatewayDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.unlink(ProcessVariables.id(execution, Var.MISMATCH_ID), ProcessActors.of(execution));
    }
}
