package jp.cartflow.newsletter;

import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 宛先を確定する: the campaign goes SENDING and gets one recipient row per segment member. */
@Component("startCampaignSendingDelegate")
class StartCampaignSendingDelegate implements JavaDelegate {

    private final NewsletterSender sender;

    StartCampaignSendingDelegate(NewsletterSender sender) {
        this.sender = sender;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(Var.CAMPAIGN_ID)).longValue();
        execution.setVariable(Var.CANCELLED, !sender.start(campaignId));
        execution.setVariable(Var.BATCHES, 0);
    }
}
