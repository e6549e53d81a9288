package jp.cartflow.cart;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The thin delegates of CartAbandonmentProcess. */
final class CartAbandonmentDelegates {

    private CartAbandonmentDelegates() {
    }

    static long abandonmentId(DelegateExecution execution) {
        return ((Number) execution.getVariable("abandonmentId")).longValue();
    }

    @Component("checkCartConvertedDelegate")
    static class CheckConverted implements JavaDelegate {
        private final CartAbandonments carts;

        CheckConverted(CartAbandonments carts) {
            this.carts = carts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("converted", carts.isConverted(abandonmentId(execution)));
        }
    }

    @Component("sendCartReminderDelegate")
    static class SendReminder implements JavaDelegate {
        private final CartAbandonments carts;

        SendReminder(CartAbandonments carts) {
            this.carts = carts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("reminderSent", carts.sendReminder(abandonmentId(execution)));
        }
    }
}
