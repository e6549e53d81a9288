package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.CreditAuthorizationService;
import jp.cartflow.platform.engine.ProcessActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 再与信を受け付ける (SUB-6 beyond): refused unless the shop enables retries; a new attempt gets a new idempotency key. */
@Component("prepareRetryDelegate")
class PrepareRetryDelegate implements JavaDelegate {

    private final CreditAuthorizationService service;

    PrepareRetryDelegate(CreditAuthorizationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        service.prepareRetry(ProcessVariables.id(execution, Var.ORDER_ID), ProcessActors.of(execution));
    }
}
