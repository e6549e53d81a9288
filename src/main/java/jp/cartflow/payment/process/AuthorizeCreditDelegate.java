package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 与信を実行する: calls the gateway (asyncBefore: a technical failure is retried, then an incident). */
@Component("authorizeCreditDelegate")
class AuthorizeCreditDelegate implements JavaDelegate {

    private final CreditAuthorizationService service;

    AuthorizeCreditDelegate(CreditAuthorizationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AuthorizationVariables.write(execution, service.authorize(ProcessVariables.id(execution, Var.ORDER_ID),
                ProcessActors.of(execution)));
    }
}
