package jp.cartflow.subscription.process;

import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.SubscriptionLifecycleProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/** 受注を生成する: one generation, guarded by the subscription's state at execution time; flags for the gateways. */
@Component("generateSubscriptionOrderDelegate")
class GenerateSubscriptionOrderDelegate implements JavaDelegate {

    private final SubscriptionGeneration generation;

    GenerateSubscriptionOrderDelegate(SubscriptionGeneration generation) {
        this.generation = generation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long subscriptionId = ((Number) execution.getVariable(Var.SUBSCRIPTION_ID)).longValue();
        Date slot = (Date) execution.getVariable(Var.NEXT_GENERATION_AT);
        SubscriptionGeneration.Outcome outcome = generation.generate(subscriptionId,
                slot == null ? null : slot.toInstant());
        execution.setVariable(Var.AUTHORIZE, outcome.authorize());
        execution.setVariable(Var.ENDED, outcome.ended());
        execution.setVariable(Var.DISCARDED, outcome.result() == SubscriptionGeneration.Result.DUPLICATE);
        if (outcome.result() == SubscriptionGeneration.Result.GENERATED) {
            execution.setVariable(Var.ORDER_ID, outcome.orderId());
            execution.setVariable(Var.ORDER_NO, outcome.orderNo());
        }
    }
}
