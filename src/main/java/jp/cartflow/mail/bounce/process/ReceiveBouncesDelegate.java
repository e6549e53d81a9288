package jp.cartflow.mail.bounce.process;

import jp.cartflow.mail.bounce.collect.BounceCollector;
import jp.cartflow.mail.bounce.process.BounceCollectionProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** バウンスメールを受信する: one collection run; an unreachable server fails the job (retries, then an incident). */
@Component("receiveBouncesDelegate")
class ReceiveBouncesDelegate implements JavaDelegate {

    private final BounceCollector collector;

    ReceiveBouncesDelegate(BounceCollector collector) {
        this.collector = collector;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long shopId = ((Number) execution.getVariable(Var.SHOP_ID)).longValue();
        boolean scheduled = Boolean.TRUE.equals(execution.getVariable(Var.SCHEDULED));
        BounceCollector.Summary summary = collector.collect(shopId,
                scheduled ? BounceCollector.Trigger.TIMER : BounceCollector.Trigger.MANUAL,
                execution.getProcessInstanceId());
        execution.setVariable(Var.LAST_RUN_ID, summary.runId());
        execution.setVariable(Var.WAIT_DURATION, "PT" + summary.pollMinutes() + "M");
    }
}
