package jp.cartflow.newsletter;

import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.util.Date;

/** The thin delegates of NewsletterCampaignProcess: read the campaign id, call one use case, set gateway flags. */
final class CampaignDelegates {

    private CampaignDelegates() {
    }

    static long campaignId(DelegateExecution execution) {
        return ((Number) execution.getVariable(Var.CAMPAIGN_ID)).longValue();
    }

    /** Puts preview, recipient count and exclusions where the approval form shows them. */
    @Component("prepareCampaignReviewDelegate")
    static class PrepareReview implements JavaDelegate {
        private final NewsletterCampaigns campaigns;

        PrepareReview(NewsletterCampaigns campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            NewsletterCampaigns.Preview preview = campaigns.preview(campaigns.byId(campaignId(execution)));
            execution.setVariable("previewSubject", preview.subject());
            execution.setVariable("previewBody", preview.body());
            execution.setVariable("recipientCount", preview.recipients());
            execution.setVariable("excludedNoConsent", preview.excludedNoConsent());
            execution.setVariable("excludedBounced", preview.excludedBounced());
            execution.setVariable("sendAtText", preview.sendAt());
            execution.setVariable("segmentText", preview.segment());
        }
    }

    @Component("recordCampaignReviewDelegate")
    static class RecordReview implements JavaDelegate {
        private final NewsletterCampaigns campaigns;

        RecordReview(NewsletterCampaigns campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Object decision = execution.getVariable(Var.DECISION);
            Object comment = execution.getVariable(Var.REVIEW_COMMENT);
            String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                    ? "operator" : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
            campaigns.recordReview(campaignId(execution), "APPROVE".equals(decision), user,
                    comment == null ? null : comment.toString());
        }
    }

    @Component("startCampaignSendingDelegate")
    static class StartSending implements JavaDelegate {
        private final NewsletterSender sender;

        StartSending(NewsletterSender sender) {
            this.sender = sender;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(Var.CANCELLED, !sender.start(campaignId(execution)));
            execution.setVariable(Var.BATCHES, 0);
        }
    }

    /** One batch; the counts go into variables so Cockpit shows the progress. */
    @Component("sendCampaignBatchDelegate")
    static class SendBatch implements JavaDelegate {
        private final NewsletterSender sender;

        SendBatch(NewsletterSender sender) {
            this.sender = sender;
        }

        @Override
        public void execute(DelegateExecution execution) {
            NewsletterSender.BatchResult result = sender.sendBatch(campaignId(execution));
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

    @Component("writeCampaignReportDelegate")
    static class WriteReport implements JavaDelegate {
        private final NewsletterCampaigns campaigns;

        WriteReport(NewsletterCampaigns campaigns) {
            this.campaigns = campaigns;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("report", campaigns.writeReport(campaignId(execution)));
        }
    }
}
