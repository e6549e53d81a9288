package jp.cartflow.newsletter;

import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/** 次のバッチを送る: one batch; the counts go into variables so Cockpit shows the progress. */
@Component("sendCampaignBatchDelegate")
class SendCampaignBatchDelegate implements JavaDelegate {

    private final NewsletterSender sender;

    SendCampaignBatchDelegate(NewsletterSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(Var.CAMPAIGN_ID)).longValue();
        NewsletterSender.BatchResult result = sender.sendBatch(campaignId);
        CampaignProgress p = result.progress();
        execution.setVariable("queued", p.queued());
        execution.setVariable("sent", p.sent());
        execution.setVariable("skippedNoConsent", p.skippedNoConsent());
        execution.setVariable("skippedBounced", p.skippedBounced());
        execution.setVariable("failed", p.failed());
        execution.setVariable("lastBatchSent", result.sentInBatch());
        Object batches = execution.getVariable(Var.BATCHES);
        execution.setVariable(Var.BATCHES, (batches == null ? 0 : ((Number) batches).intValue()) + 1);
        execution.setVariable(Var.CANCELLED, result.cancelled());
        execution.setVariable(Var.REMAINING, result.nextBatchAt() != null);
        execution.setVariable(Var.NEXT_BATCH_AT, result.nextBatchAt() == null ? null : Date.from(result.nextBatchAt()));
    }
}
