package jp.cartflow.subscription.process;

import jp.cartflow.subscription.CardExpiryReminders;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** カード有効期限のお知らせを送る (SUB-29): queues the automatic reminders of every shop that enables them. */
@Component("sendCardExpiryRemindersDelegate")
class SendCardExpiryRemindersDelegate implements JavaDelegate {

    private final CardExpiryReminders reminders;

    SendCardExpiryRemindersDelegate(CardExpiryReminders reminders) {
        this.reminders = reminders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("remindersQueued", reminders.sendAutomatic());
    }
}
