package jp.cartflow.newsletter;

/** The process key, element ids and variables of bpmn/NewsletterCampaignProcess.bpmn. */
public final class NewsletterCampaignProcess {

    public static final String KEY = "NewsletterCampaignProcess";
    public static final String TASK_APPROVE = "Task_ApproveCampaign";
    public static final String TASK_SEND_BATCH = "Task_SendBatch";
    public static final String TIMER_SEND_AT = "TimerEvent_SendAt";

    /** Variable names. */
    public static final class Var {
        public static final String CAMPAIGN_ID = "campaignId";
        public static final String APPROVAL_REQUIRED = "approvalRequired";
        public static final String SEND_AT = "sendAt";
        public static final String DECISION = "decision";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String CANCELLED = "cancelled";
        public static final String REMAINING = "remaining";
        public static final String NEXT_BATCH_AT = "nextBatchAt";
        public static final String BATCHES = "batches";

        private Var() {
        }
    }

    private NewsletterCampaignProcess() {
    }
}
