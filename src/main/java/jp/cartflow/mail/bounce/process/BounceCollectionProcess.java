package jp.cartflow.mail.bounce.process;

/**
 * Everything code and tests need to know about {@code bpmn/BounceCollectionProcess.bpmn}: one instance per shop
 * receives once, waits N minutes and then starts its successor and ends (business key = shop id), so every run's
 * history is bounded and cleaned by the history TTL; a manual run is a one-off instance.
 */
public final class BounceCollectionProcess {

    public static final String KEY = "BounceCollectionProcess";

    public static final String START = "StartEvent_CollectionRequested";
    public static final String TASK_RECEIVE_BOUNCES = "Task_ReceiveBounces";
    public static final String GATEWAY_SCHEDULED = "Gateway_Scheduled";
    public static final String TIMER_WAIT = "TimerEvent_WaitInterval";
    public static final String TASK_START_NEXT_RUN = "Task_StartNextRun";
    public static final String END_COLLECTED = "EndEvent_BouncesCollected";
    public static final String END_NEXT_RUN_STARTED = "EndEvent_NextRunStarted";

    /** Variables: ids and flags only. */
    public static final class Var {
        public static final String SHOP_ID = "shopId";
        /** true for the shop's repeating instance, false for a run started by hand */
        public static final String SCHEDULED = "scheduled";
        /** ISO-8601 duration until the next run, from the shop setting at the end of each run */
        public static final String WAIT_DURATION = "waitDuration";
        public static final String LAST_RUN_ID = "lastRunId";
        /** the successor a scheduled instance started before it ended */
        public static final String NEXT_INSTANCE_ID = "nextInstanceId";

        private Var() {
        }
    }

    private BounceCollectionProcess() {
    }
}
