package jp.cartflow.cart;

/** The process key, element ids and variables of bpmn/CartAbandonmentProcess.bpmn; business key = the cart id. */
public final class CartAbandonmentProcess {

    public static final String KEY = "CartAbandonmentProcess";
    public static final String MESSAGE_CONVERTED = "CartConverted";
    public static final String TIMER_DELAY = "TimerEvent_DelayPassed";

    /** Variable names. */
    public static final class Var {
        public static final String ABANDONMENT_ID = "abandonmentId";
        public static final String REMIND_AT = "remindAt";
        public static final String CONVERTED = "converted";
        public static final String REMINDER_SENT = "reminderSent";

        private Var() {
        }
    }

    private CartAbandonmentProcess() {
    }
}
