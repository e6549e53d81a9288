package jp.cartflow.mail.bounce.process;

/**
 * Everything code and tests need to know about {@code bpmn/BounceCollectionProcess.bpmn}: one instance per shop
 * runs the collection every N minutes (business key = shop id); a manual run is a one-off instance.
 */
public final class BounceCollectionProcess {

    public static final String KEY = "BounceCollectionProcess";

    public static final String START = "StartEvent_CollectionRequested";
    public static final String TASK_RECEIVE_BOUNCES = "Task_ReceiveBounces";
    public static final String GATEWAY_SCHEDULED = "Gateway_Scheduled";
    public static final String TIMER_WAIT = "TimerEvent_WaitInterval";
    public static final String END_COLLECTED = "EndEvent_BouncesCollected";

    /** Variables: ids and flags only. */
    public static final class Var {
        public static final String SHOP_ID = "shopId";
        /** true for the shop's repeating instance, false for a run started by hand */
        public static final String SCHEDULED = "scheduled";
        /** ISO-8601 duration until the next run, from the shop setting at the end of each run */
        public static final String WAIT_DURATION = "waitDuration";
        public static final String LAST_RUN_ID = "lastRunId";

        private Var() {
        }
    }

    private BounceCollectionProcess() {
    }
}
