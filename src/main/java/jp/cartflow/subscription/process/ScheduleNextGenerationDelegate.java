package jp.cartflow.subscription.process;

import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.SubscriptionLifecycleProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/** 次回の受注日を決める: arms the timer with the generation time the domain computed and stored. */
@Component("scheduleNextGenerationDelegate")
class ScheduleNextGenerationDelegate implements JavaDelegate {

    private final SubscriptionGeneration generation;

    ScheduleNextGenerationDelegate(SubscriptionGeneration generation) {
        this.generation = generation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // after a generation in this transaction: the time it stored; on entering the loop (start, schedule change):
        // the stored schedule
        Date stored = (Date) execution.getVariable(Var.STORED_NEXT_GENERATION_AT);
        if (stored == null) {
            long subscriptionId = ((Number) execution.getVariable(Var.SUBSCRIPTION_ID)).longValue();
            stored = Date.from(generation.nextGenerationAt(subscriptionId));
        }
        execution.setVariable(Var.NEXT_GENERATION_AT, stored);
    }
}
