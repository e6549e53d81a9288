package jp.cartflow.payment.reconciliation;

/**
 * Everything code and tests need to know about {@code bpmn/PaymentStatusReconciliationProcess.bpmn} (PAY-2):
 * a run (timer-started, or on request) compares the gateway side of the card orders with ours; each
 * mismatch becomes an operator task inside a parallel multi-instance sub-process.
 */
public final class PaymentStatusReconciliationProcess {

    public static final String KEY = "PaymentStatusReconciliationProcess";

    public static final String START_TIMER = "StartEvent_ReconciliationDue";
    public static final String START_REQUESTED = "StartEvent_ReconciliationRequested";
    public static final String TASK_COMPARE_GATEWAY_STATUSES = "Task_CompareGatewayStatuses";
    public static final String SUBPROCESS_RESOLVE_MISMATCH = "SubProcess_ResolveMismatch";
    public static final String TASK_LOAD_MISMATCH = "Task_LoadMismatch";
    public static final String TASK_CONFIRM_GATEWAY_MISMATCH = "Task_ConfirmGatewayMismatch";
    public static final String TASK_UNLINK_GATEWAY = "Task_UnlinkGateway";
    public static final String TASK_ADOPT_GATEWAY_STATUS = "Task_AdoptGatewayStatus";
    public static final String TASK_REPORT_TO_SUPPORT = "Task_ReportToSupport";
    public static final String END_ALL_MATCHED = "EndEvent_AllMatched";
    public static final String END_MISMATCHES_RESOLVED = "EndEvent_MismatchesResolved";

    /** Starts a run on request (message start event). */
    public static final String MESSAGE_RUN_REQUESTED = "PaymentReconciliationRequested";

    /** Variables. */
    public static final class Var {
        /** Transient: the ids of the mismatches found by this run (the multi-instance collection). */
        public static final String MISMATCH_IDS = "mismatchIds";
        public static final String MISMATCH_COUNT = "mismatchCount";
        /** Local to one sub-process instance. */
        public static final String MISMATCH_ID = "mismatchId";
        public static final String ORDER_NO = "orderNo";
        /** ZEUS or SBPS: the form shows the Zeus precondition of unlinking only for ZEUS. */
        public static final String GATEWAY_CODE = "gatewayCode";
        /** The gateway's display name (ゼウス, SBペイメントサービス), shown by the form. */
        public static final String GATEWAY_NAME = "gatewayName";
        /** What differs: 状態 or 金額. */
        public static final String DIFFERENCE = "difference";
        public static final String OUR_STATUS = "ourStatus";
        public static final String GATEWAY_STATUS = "gatewayStatus";
        public static final String MISMATCH_DECISION = "mismatchDecision";

        private Var() {
        }
    }

    /** Answers of "決済状態の不一致に対応する" (payment_mismatch.decision). */
    public enum Decision { UNLINK, ADOPT_GATEWAY_STATUS, REPORT_TO_SUPPORT }

    private PaymentStatusReconciliationProcess() {
    }
}
