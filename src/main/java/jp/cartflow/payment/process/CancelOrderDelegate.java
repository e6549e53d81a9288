package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 注文を取り消す (SUB-6). */
@Component("cancelOrderDelegate")
class CancelOrderDelegate implements JavaDelegate {

    private final CreditAuthorizationService service;

    CancelOrderDelegate(CreditAuthorizationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.cancelOrder(ProcessVariables.id(execution, Var.ORDER_ID), ProcessActors.of(execution));
    }
}
