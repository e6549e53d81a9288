package jp.cartflow.payment;

/**
 * Everything code and tests need to know about {@code bpmn/CreditAuthorizationProcess.bpmn}. The contract with
 * callers (e.g. the subscription process, by call activity): process key {@link #KEY}, business key = order
 * number, input variables {@link Var#ORDER_ID} (Long) and {@link Var#ORDER_NO} (String). The NP screening
 * result message is correlated by {@link Var#ORDER_ID}.
 */
public final class CreditAuthorizationProcess {

    public static final String KEY = "CreditAuthorizationProcess";

    public static final String START = "StartEvent_AuthorizationRequested";
    public static final String TASK_AUTHORIZE_CREDIT = "Task_AuthorizeCredit";
    /** The event-based gateway where a pending NP screening waits (for the message or the poll timer). */
    public static final String GATEWAY_AWAIT_SCREENING = "Gateway_AwaitScreening";
    public static final String EVENT_SCREENING_RESULT_RECEIVED = "Event_ScreeningResultReceived";
    public static final String EVENT_POLL_INTERVAL_ELAPSED = "Event_PollIntervalElapsed";
    public static final String TASK_RECORD_SCREENING_RESULT = "Task_RecordScreeningResult";
    public static final String TASK_QUERY_SCREENING_RESULT = "Task_QueryScreeningResult";
    public static final String TASK_RESOLVE_AUTHORIZATION_ERROR = "Task_ResolveAuthorizationError";
    public static final String TASK_SWITCH_PAYMENT_METHOD = "Task_SwitchPaymentMethod";
    public static final String TASK_CANCEL_ORDER = "Task_CancelOrder";
    public static final String TASK_PREPARE_RETRY = "Task_PrepareRetry";
    public static final String END_AUTHORIZED = "EndEvent_CreditAuthorized";
    public static final String END_NOT_NEEDED = "EndEvent_NoAuthorizationNeeded";
    public static final String END_METHOD_SWITCHED = "EndEvent_PaymentMethodSwitched";
    public static final String END_ORDER_CANCELLED = "EndEvent_OrderCancelled";

    /** The NP screening result (PAY-3), correlated by {@link Var#ORDER_ID}. */
    public static final String MESSAGE_SCREENING_RESULT = "NpScreeningResult";

    /** Variables. */
    public static final class Var {
        public static final String ORDER_ID = "orderId";
        public static final String ORDER_NO = "orderNo";
        public static final String AUTHORIZATION_OUTCOME = "authorizationOutcome";
        public static final String DECLINE_REASON = "declineReason";
        public static final String AMOUNT_TEXT = "amountText";
        public static final String PAYMENT_METHOD_NAME = "paymentMethodName";
        public static final String PAYMENT_METHOD_OPTIONS = "paymentMethodOptions";
        public static final String OPERATOR_DECISION = "operatorDecision";
        public static final String NEW_PAYMENT_METHOD = "newPaymentMethod";
        public static final String REAUTHORIZE = "reauthorize";
        public static final String SCREENING_RESULT = "screeningResult";
        public static final String SCREENING_REASON = "screeningReason";

        private Var() {
        }
    }

    /** Values of {@link Var#AUTHORIZATION_OUTCOME}. */
    public enum Outcome { APPROVED, DECLINED, PENDING, NOT_REQUIRED }

    /** Answers of "与信エラーを対応する". */
    public static final String DECISION_SWITCH_METHOD = "SWITCH_METHOD";
    public static final String DECISION_CANCEL_ORDER = "CANCEL_ORDER";
    public static final String DECISION_RETRY_NOW = "RETRY_NOW";

    private CreditAuthorizationProcess() {
    }
}
