package jp.cartflow.newsletter;

import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 審査結果を記録する: the approver's decision (承認 / 差し戻し) and comment from the task form. */
@Component("recordCampaignReviewDelegate")
class RecordCampaignReviewDelegate implements JavaDelegate {

    private final NewsletterCampaigns campaigns;

    RecordCampaignReviewDelegate(NewsletterCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(Var.CAMPAIGN_ID)).longValue();
        Object decision = execution.getVariable(Var.DECISION);
        Object comment = execution.getVariable(Var.REVIEW_COMMENT);
        String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? "operator" : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        campaigns.recordReview(campaignId, "APPROVE".equals(decision), user, comment == null ? null : comment.toString());
    }
}
