package jp.cartflow.newsletter;

import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.util.Date;

/** The engine behind the campaign use cases: the only class here that starts or ends processes. */
@Component
class NewsletterCampaignEngine {

    private final RuntimeService runtime;

    NewsletterCampaignEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void start(Campaign campaign, boolean approvalRequired) {
        runtime.startProcessInstanceByKey(NewsletterCampaignProcess.KEY, campaign.businessKey(),
                Variables.createVariables()
                        .putValue(Var.CAMPAIGN_ID, campaign.id())
                        .putValue(Var.APPROVAL_REQUIRED, approvalRequired)
                        .putValue(Var.SEND_AT, Date.from(campaign.sendAt()))
                        .putValue(Var.CANCELLED, false));
    }

    /** Waiting for approval or for the send time: nothing was sent, the process simply ends. */
    void cancelBeforeSending(Campaign campaign) {
        runtime.createProcessInstanceQuery().processDefinitionKey(NewsletterCampaignProcess.KEY)
                .processInstanceBusinessKey(campaign.businessKey()).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "配信中止", true, true));
    }
}
