package jp.cartflow.payment.process;

import jp.cartflow.payment.CreditAuthorizationProcess;
import jp.cartflow.payment.CreditAuthorizationProcess.Var;
import jp.cartflow.payment.PaymentAuthorizations;
import jp.cartflow.payment.PaymentOrders;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.util.List;

/** The engine adapter of {@link PaymentAuthorizations}. */
@Component
class CamundaPaymentAuthorizations implements PaymentAuthorizations {

    private final RuntimeService runtime;
    private final PaymentOrders orders;

    CamundaPaymentAuthorizations(RuntimeService runtime, PaymentOrders orders) {
        this.runtime = runtime;
        this.orders = orders;
    }

    @Override
    public String startAuthorization(long orderId) {
        String orderNo = orders.get(orderId).orderNo();
        return runtime.startProcessInstanceByKey(CreditAuthorizationProcess.KEY, orderNo, Variables.createVariables()
                .putValue(Var.ORDER_ID, orderId)
                .putValue(Var.ORDER_NO, orderNo)).getId();
    }

    @Override
    public boolean isRunningFor(long orderId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CreditAuthorizationProcess.KEY)
                .variableValueEquals(Var.ORDER_ID, orderId).count() > 0;
    }

    @Override
    public boolean deliverScreeningResult(long orderId, boolean approved, String reason) {
        List<Execution> waiting = runtime.createExecutionQuery()
                .messageEventSubscriptionName(CreditAuthorizationProcess.MESSAGE_SCREENING_RESULT)
                .processVariableValueEquals(Var.ORDER_ID, orderId).list();
        if (waiting.isEmpty()) {
            return false;
        }
        runtime.createMessageCorrelation(CreditAuthorizationProcess.MESSAGE_SCREENING_RESULT)
                .processInstanceId(waiting.get(0).getProcessInstanceId())
                .setVariable(Var.SCREENING_RESULT, approved ? "APPROVED" : "DECLINED")
                .setVariable(Var.SCREENING_REASON, reason)
                .correlate();
        return true;
    }
}
