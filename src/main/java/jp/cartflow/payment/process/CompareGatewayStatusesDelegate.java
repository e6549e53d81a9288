package jp.cartflow.payment.process;

import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.Var;
import jp.cartflow.payment.reconciliation.ReconciliationService;
import org.camunda.bpm.engine.variable.Variables;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ゲートウェイの状態と照合する (PAY-2): the found mismatches become the multi-instance collection. */
@Component("compareGatewayStatusesDelegate")
class CompareGatewayStatusesDelegate implements JavaDelegate {

    private final ReconciliationService service;

    CompareGatewayStatusesDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Long> ids = service.compare(execution.getProcessInstanceId());
        execution.setVariable(Var.MISMATCH_COUNT, ids.size());
        // transient: read by the multi-instance sub-process in this same transaction, never stored
        execution.setVariable(Var.MISMATCH_IDS, Variables.objectValue(new ArrayList<>(ids), true).create());
    }
}
