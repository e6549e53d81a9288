package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 審査結果を照会する: polls the NP screening (PAY-3). */
@Component("queryScreeningResultDelegate")
class QueryScreeningResultDelegate implements JavaDelegate {

    private final CreditAuthorizationService service;

    QueryScreeningResultDelegate(CreditAuthorizationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AuthorizationVariables.write(execution, service.queryScreeningResult(ProcessVariables.id(execution, Var.ORDER_ID),
                ProcessActors.of(execution)));
    }
}
