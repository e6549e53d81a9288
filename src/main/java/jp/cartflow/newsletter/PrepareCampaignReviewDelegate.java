package jp.cartflow.newsletter;

import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 承認用に配信内容をまとめる: puts preview, recipient count and exclusions where the approval form shows them. */
@Component("prepareCampaignReviewDelegate")
class PrepareCampaignReviewDelegate implements JavaDelegate {

    private final NewsletterCampaigns campaigns;

    PrepareCampaignReviewDelegate(NewsletterCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(Var.CAMPAIGN_ID)).longValue();
        NewsletterCampaigns.Preview preview = campaigns.preview(campaigns.byId(campaignId));
        execution.setVariable("previewSubject", preview.subject());
        execution.setVariable("previewBody", preview.body());
        execution.setVariable("recipientCount", preview.recipients());
        execution.setVariable("excludedNoConsent", preview.excludedNoConsent());
        execution.setVariable("excludedBounced", preview.excludedBounced());
        execution.setVariable("sendAtText", preview.sendAt());
        execution.setVariable("segmentText", preview.segment());
    }
}
