package jp.cartflow.mail.bounce.process;

import jp.cartflow.mail.bounce.process.BounceCollectionProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 次回の受信を開始する: the scheduled instance hands over to a new one and ends, so its history stays bounded. */
@Component("startNextBounceRunDelegate")
class StartNextBounceRunDelegate implements JavaDelegate {

    private final BounceCollectionRuns runs;

    StartNextBounceRunDelegate(BounceCollectionRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long shopId = ((Number) execution.getVariable(Var.SHOP_ID)).longValue();
        execution.setVariable(Var.NEXT_INSTANCE_ID, runs.startSuccessor(shopId));
    }
}
