package jp.cartflow.subscription.process;

import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.SubscriptionLifecycleProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
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
        // transient: the gateways right after this task read them in the same transaction, and the authorization
        // sub-process copies orderId/orderNo into its own variables on entry; nothing needs them later, so they
        // cost no variable rows and no history per delivery (docs/performance.md)
        execution.setVariable(Var.AUTHORIZE, Variables.booleanValue(outcome.authorize(), true));
        execution.setVariable(Var.ENDED, Variables.booleanValue(outcome.ended(), true));
        execution.setVariable(Var.DISCARDED,
                Variables.booleanValue(outcome.result() == SubscriptionGeneration.Result.DUPLICATE, true));
        if (outcome.nextGenerationAt() != null) {
            // the scheduling step right after arms the timer with it instead of reading the subscription again
            execution.setVariable(Var.STORED_NEXT_GENERATION_AT,
                    Variables.dateValue(Date.from(outcome.nextGenerationAt()), true));
        }
        if (outcome.result() == SubscriptionGeneration.Result.GENERATED) {
            execution.setVariable(Var.ORDER_ID, Variables.longValue(outcome.orderId(), true));
            execution.setVariable(Var.ORDER_NO, Variables.stringValue(outcome.orderNo(), true));
        }
    }
}
