package jp.cartflow.newsletter;

/** The process key, element ids and variables of bpmn/NewsletterCampaignProcess.bpmn. */
final class NewsletterCampaignProcess {

    static final String KEY = "NewsletterCampaignProcess";
    static final String TASK_APPROVE = "Task_ApproveCampaign";
    static final String TASK_SEND_BATCH = "Task_SendBatch";
    static final String TIMER_SEND_AT = "TimerEvent_SendAt";

    /** Variable names. */
    static final class Var {
        static final String CAMPAIGN_ID = "campaignId";
        static final String APPROVAL_REQUIRED = "approvalRequired";
        static final String SEND_AT = "sendAt";
        static final String DECISION = "decision";
        static final String REVIEW_COMMENT = "reviewComment";
        static final String CANCELLED = "cancelled";
        static final String REMAINING = "remaining";
        static final String NEXT_BATCH_AT = "nextBatchAt";
        static final String BATCHES = "batches";

        private Var() {
        }
    }

    private NewsletterCampaignProcess() {
    }
}
