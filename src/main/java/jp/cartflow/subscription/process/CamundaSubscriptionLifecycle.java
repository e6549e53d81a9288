package jp.cartflow.subscription.process;

import jp.cartflow.subscription.SubscriptionLifecycle;
import jp.cartflow.subscription.SubscriptionLifecycleProcess;
import jp.cartflow.subscription.SubscriptionLifecycleProcess.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The engine adapter of {@link SubscriptionLifecycle}. */
@Component
class CamundaSubscriptionLifecycle implements SubscriptionLifecycle {

    private final RuntimeService runtime;

    CamundaSubscriptionLifecycle(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(long subscriptionId, String subscriptionNo) {
        return runtime.startProcessInstanceByKey(SubscriptionLifecycleProcess.KEY, subscriptionNo,
                Variables.createVariables().putValue(Var.SUBSCRIPTION_ID, subscriptionId)).getId();
    }

    /**
     * Only a token waiting for the generation reacts; one that is generating right now needs nothing: it reads
     * the stored schedule when it loops back (and SUB-21 keeps edits away on the generation day).
     */
    @Override
    public void scheduleChanged(String subscriptionNo) {
        runtime.createMessageCorrelation(SubscriptionLifecycleProcess.MESSAGE_SCHEDULE_CHANGED)
                .processInstanceBusinessKey(subscriptionNo).correlateAllWithResult();
    }

    /** A token that is generating right now finds the subscription ended and stops by itself. */
    @Override
    public void terminated(String subscriptionNo) {
        runtime.createMessageCorrelation(SubscriptionLifecycleProcess.MESSAGE_TERMINATION_REQUESTED)
                .processInstanceBusinessKey(subscriptionNo).correlateAllWithResult();
    }
}
