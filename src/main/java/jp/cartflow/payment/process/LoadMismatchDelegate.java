package jp.cartflow.payment.process;

import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.Var;
import jp.cartflow.payment.reconciliation.ReconciliationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 不一致の内容を確かめる: what the operator form of this mismatch shows (local to the sub-process instance). */
@Component("loadMismatchDelegate")
class LoadMismatchDelegate implements JavaDelegate {

    private final ReconciliationService service;

    LoadMismatchDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReconciliationService.MismatchView view = service.view(ProcessVariables.id(execution, Var.MISMATCH_ID));
        execution.setVariableLocal(Var.ORDER_NO, view.orderNo());
        execution.setVariableLocal(Var.GATEWAY_CODE, view.gatewayCode());
        execution.setVariableLocal(Var.GATEWAY_NAME, view.gatewayName());
        execution.setVariableLocal(Var.DIFFERENCE, view.differenceText());
        execution.setVariableLocal(Var.OUR_STATUS, view.ourStatus());
        execution.setVariableLocal(Var.GATEWAY_STATUS, view.gatewayStatus());
        // declared here so the operator's answer stays local to this mismatch (parallel instances)
        execution.setVariableLocal(Var.MISMATCH_DECISION, null);
    }
}
