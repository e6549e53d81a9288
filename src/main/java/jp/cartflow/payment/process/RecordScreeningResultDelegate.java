package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 審査結果を記録する: the NP screening result that arrived as a message (PAY-3). */
@Component("recordScreeningResultDelegate")
class RecordScreeningResultDelegate implements JavaDelegate {

    private final CreditAuthorizationService service;

    RecordScreeningResultDelegate(CreditAuthorizationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AuthorizationVariables.write(execution, service.recordScreeningResult(ProcessVariables.id(execution, Var.ORDER_ID),
                "APPROVED".equals(execution.getVariable(Var.SCREENING_RESULT)),
                (String) execution.getVariable(Var.SCREENING_REASON), ProcessActors.of(execution)));
    }
}
