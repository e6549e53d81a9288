package jp.cartflow.subscription;

/**
 * Everything code and tests need to know about {@code bpmn/SubscriptionLifecycleProcess.bpmn}: key, element ids,
 * messages, variables. Business key = subscription number; variables are ids and flags only.
 */
public final class SubscriptionLifecycleProcess {

    public static final String KEY = "SubscriptionLifecycleProcess";

    public static final String START = "StartEvent_SubscriptionStarted";
    /** The loop (schedule, timer, generation); the messages below are its boundary events, subscribed once per entry. */
    public static final String SUBPROCESS_DELIVERIES = "SubProcess_Deliveries";
    public static final String TASK_SCHEDULE_NEXT_GENERATION = "Task_ScheduleNextGeneration";
    /** The only wait state of the loop. */
    public static final String TIMER_GENERATION_DUE = "Event_GenerationDue";
    public static final String EVENT_SCHEDULE_CHANGED = "Event_ScheduleChanged";
    public static final String EVENT_TERMINATION_REQUESTED = "Event_TerminationRequested";
    public static final String TASK_GENERATE_ORDER = "Task_GenerateOrder";
    public static final String GATEWAY_AUTHORIZE = "Gateway_AuthorizeCredit";
    /** Thrown inside the loop; the non-interrupting boundary {@link #EVENT_AUTHORIZATION_REQUESTED} starts the branch. */
    public static final String EVENT_REQUEST_AUTHORIZATION = "Event_RequestAuthorization";
    public static final String EVENT_AUTHORIZATION_REQUESTED = "Event_AuthorizationRequested";
    public static final String SUBPROCESS_CREDIT_AUTHORIZATION = "SubProcess_CreditAuthorization";
    public static final String CALL_AUTHORIZE_CREDIT = "CallActivity_AuthorizeCredit";
    public static final String END_AUTHORIZATION_FINISHED = "EndEvent_AuthorizationFinished";
    public static final String GATEWAY_CONTINUES = "Gateway_SubscriptionContinues";
    public static final String END_DELIVERIES_ENDED = "EndEvent_DeliveriesEnded";
    public static final String END_SUBSCRIPTION_ENDED = "EndEvent_SubscriptionEnded";
    public static final String END_SUBSCRIPTION_TERMINATED = "EndEvent_SubscriptionTerminated";
    public static final String END_GENERATION_DISCARDED = "EndEvent_GenerationDiscarded";

    /** Message names. */
    public static final String MESSAGE_SCHEDULE_CHANGED = "SubscriptionScheduleChanged";
    public static final String MESSAGE_TERMINATION_REQUESTED = "SubscriptionTerminationRequested";

    /** The payment team's process (issue "Payment credit authorization"), called per generated order. */
    public static final String CREDIT_AUTHORIZATION_PROCESS = "CreditAuthorizationProcess";

    /** Variables. */
    public static final class Var {
        public static final String SUBSCRIPTION_ID = "subscriptionId";
        public static final String NEXT_GENERATION_AT = "nextGenerationAt";
        /** Transient: the next generation time 受注を生成する just stored, read by the scheduling step of the same loop. */
        public static final String STORED_NEXT_GENERATION_AT = "storedNextGenerationAt";
        public static final String AUTHORIZE = "authorize";
        public static final String ENDED = "ended";
        public static final String DISCARDED = "discarded";
        public static final String ORDER_ID = "orderId";
        public static final String ORDER_NO = "orderNo";

        private Var() {
        }
    }

    private SubscriptionLifecycleProcess() {
    }
}
