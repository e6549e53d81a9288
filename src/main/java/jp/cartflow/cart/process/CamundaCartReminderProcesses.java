package jp.cartflow.cart.process;

import jp.cartflow.cart.CartAbandonmentProcess;
import jp.cartflow.cart.CartAbandonmentProcess.Var;
import jp.cartflow.cart.CartReminderProcesses;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/** The engine adapter of {@link CartReminderProcesses}. */
@Component
class CamundaCartReminderProcesses implements CartReminderProcesses {

    private final RuntimeService runtime;

    CamundaCartReminderProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(String cartId, long abandonmentId, Instant remindAt) {
        runtime.startProcessInstanceByKey(CartAbandonmentProcess.KEY, cartId, Variables.createVariables()
                .putValue(Var.ABANDONMENT_ID, abandonmentId).putValue(Var.REMIND_AT, Date.from(remindAt)));
    }

    @Override
    public void converted(String cartId) {
        runtime.createMessageCorrelation(CartAbandonmentProcess.MESSAGE_CONVERTED).processInstanceBusinessKey(cartId)
                .correlateAllWithResult();
    }
}
