package jp.cartflow.cart;

import jp.cartflow.cart.CartAbandonmentProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** カゴ落ちメールを送る: the one reminder (no consent needed, MKT-1; a bounced address is skipped). */
@Component("sendCartReminderDelegate")
class SendCartReminderDelegate implements JavaDelegate {

    private final CartAbandonments carts;

    SendCartReminderDelegate(CartAbandonments carts) {
        this.carts = carts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.REMINDER_SENT, carts.sendReminder(((Number) execution.getVariable(Var.ABANDONMENT_ID)).longValue()));
    }
}
