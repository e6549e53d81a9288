package jp.cartflow.subscription.process;

import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.SubscriptionLifecycleProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/** 次回の受注反映を予定する: arms the timer with the generation time the domain computed and stored. */
@Component("scheduleNextGenerationDelegate")
class ScheduleNextGenerationDelegate implements JavaDelegate {

    private final SubscriptionGeneration generation;

    ScheduleNextGenerationDelegate(SubscriptionGeneration generation) {
        this.generation = generation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long subscriptionId = ((Number) execution.getVariable(Var.SUBSCRIPTION_ID)).longValue();
        execution.setVariable(Var.NEXT_GENERATION_AT, Date.from(generation.nextGenerationAt(subscriptionId)));
    }
}
