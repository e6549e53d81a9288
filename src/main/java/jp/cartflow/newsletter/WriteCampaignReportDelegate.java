package jp.cartflow.newsletter;

import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 最終報告を作成する (and 中止の報告を作成する): the final report (sent, skipped, failed, cancelled). */
@Component("writeCampaignReportDelegate")
class WriteCampaignReportDelegate implements JavaDelegate {

    private final NewsletterCampaigns campaigns;

    WriteCampaignReportDelegate(NewsletterCampaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = ((Number) execution.getVariable(Var.CAMPAIGN_ID)).longValue();
        execution.setVariable("report", campaigns.writeReport(campaignId));
    }
}
