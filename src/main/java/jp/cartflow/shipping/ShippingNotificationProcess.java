package jp.cartflow.shipping;

/**
 * Everything code and tests need to know about {@code bpmn/ShippingNotificationProcess.bpmn}: its key,
 * element ids and variables. Business key = order number; variables are ids and flags only (plus the
 * few display values the operator forms show).
 */
public final class ShippingNotificationProcess {

    public static final String KEY = "ShippingNotificationProcess";

    public static final String START = "StartEvent_ShipmentAnnounced";
    public static final String TASK_REGISTER_TRACKING_NUMBER = "Task_RegisterTrackingNumber";
    public static final String TASK_RECORD_SHIPMENT = "Task_RecordShipment";
    public static final String TASK_CHECK_RECIPIENT_BOUNCE = "Task_CheckRecipientBounce";
    public static final String TASK_CONFIRM_BOUNCED_RECIPIENT = "Task_ConfirmBouncedRecipient";
    public static final String TASK_RECORD_MAIL_WITHHELD = "Task_RecordMailWithheld";
    public static final String TASK_QUEUE_SHIPPING_MAIL = "Task_QueueShippingMail";
    public static final String TASK_SEND_SHIPPING_MAIL = "Task_SendShippingMail";
    public static final String END_NOTIFIED = "EndEvent_ShippingNotified";
    public static final String END_WITHHELD = "EndEvent_MailWithheld";

    /** Variables. */
    public static final class Var {
        public static final String ORDER_ID = "orderId";
        public static final String ORDER_NO = "orderNo";
        public static final String SHIPMENT_ID = "shipmentId";
        public static final String TRACKING_REGISTERED = "trackingRegistered";
        public static final String INCLUDE_SUBSCRIPTION_NO = "includeSubscriptionNo";
        public static final String CARRIER_OPTIONS = "carrierOptions";
        public static final String CARRIER_CODE = "carrierCode";
        public static final String TRACKING_NUMBER = "trackingNumber";
        public static final String SHIPPED_DATE = "shippedDate";
        public static final String RECIPIENT_BOUNCED = "recipientBounced";
        public static final String RECIPIENT_EMAIL = "recipientEmail";
        public static final String BOUNCE_SUMMARY = "bounceSummary";
        public static final String BOUNCE_DECISION = "bounceDecision";
        public static final String OUTBOX_ID = "outboxId";

        private Var() {
        }
    }

    /** Answers of the bounce warning task. */
    public static final String DECISION_SEND = "SEND";
    public static final String DECISION_DO_NOT_SEND = "DO_NOT_SEND";

    private ShippingNotificationProcess() {
    }
}
