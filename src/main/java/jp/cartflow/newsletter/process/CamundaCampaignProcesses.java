package jp.cartflow.newsletter.process;

import jp.cartflow.newsletter.CampaignProcesses;
import jp.cartflow.newsletter.NewsletterCampaignProcess;
import jp.cartflow.newsletter.NewsletterCampaignProcess.Var;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/** The engine adapter of {@link CampaignProcesses}: the only class of the newsletter room that starts or ends processes. */
@Component
class CamundaCampaignProcesses implements CampaignProcesses {

    private final RuntimeService runtime;

    CamundaCampaignProcesses(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(String businessKey, long campaignId, boolean approvalRequired, Instant sendAt) {
        runtime.startProcessInstanceByKey(NewsletterCampaignProcess.KEY, businessKey, Variables.createVariables()
                .putValue(Var.CAMPAIGN_ID, campaignId)
                .putValue(Var.APPROVAL_REQUIRED, approvalRequired)
                .putValue(Var.SEND_AT, Date.from(sendAt))
                .putValue(Var.CANCELLED, false));
    }

    @Override
    public void cancelBeforeSending(String businessKey) {
        runtime.createProcessInstanceQuery().processDefinitionKey(NewsletterCampaignProcess.KEY)
                .processInstanceBusinessKey(businessKey).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "配信中止", true, true));
    }
}
