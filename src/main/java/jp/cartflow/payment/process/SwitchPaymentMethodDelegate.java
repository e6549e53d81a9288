package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 支払方法を変更する (SUB-6, SUB-17): a refused method fails the task completion. */
@Component("switchPaymentMethodDelegate")
class SwitchPaymentMethodDelegate implements JavaDelegate {

    private final CreditAuthorizationService service;

    SwitchPaymentMethodDelegate(CreditAuthorizationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean reauthorize = service.switchPaymentMethod(ProcessVariables.id(execution, Var.ORDER_ID),
                (String) execution.getVariable(Var.NEW_PAYMENT_METHOD), ProcessActors.of(execution));
        execution.setVariable(Var.REAUTHORIZE, reauthorize);
    }
}
