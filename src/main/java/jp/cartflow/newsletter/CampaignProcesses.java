package jp.cartflow.newsletter;

import java.time.Instant;

/**
 * The processes behind the campaign use cases (bpmn/NewsletterCampaignProcess.bpmn), one per campaign with the
 * campaign's business key. The engine adapter lives in {@code newsletter.process}; the use cases stay engine-free.
 */
public interface CampaignProcesses {

    /** Starts the campaign's process: optional approval, then the wait until {@code sendAt}. */
    void start(String businessKey, long campaignId, boolean approvalRequired, Instant sendAt);

    /** Waiting for approval or for the send time: nothing was sent, the process simply ends. */
    void cancelBeforeSending(String businessKey);
}
