package jp.cartflow.payment.process;

import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.Var;
import jp.cartflow.payment.reconciliation.ReconciliationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** サポートに報告する (PAY-2): mails the support address; the order stays blocked. */
@Component("reportToSupportDelegate")
class ReportToSupportDelegate implements JavaDelegate {

    private final ReconciliationService service;

    ReportToSupportDelegate(ReconciliationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.reportToSupport(ProcessVariables.id(execution, Var.MISMATCH_ID), ProcessActors.of(execution));
    }
}
