package jp.cartflow.payment.gateway;

/** What we ask a gateway to do (PAY-1); the names are payment_transaction.operation codes. */
public enum GatewayOperation {
    AUTHORIZE("authorize"),
    CAPTURE("capture"),
    CANCEL("cancel"),
    CHANGE_AMOUNT("change-amount"),
    STATUS("status");

    private final String path;

    GatewayOperation(String path) {
        this.path = path;
    }

    /** The last path segment of the operation's URL (same for every gateway, see docs/payments.md). */
    public String path() {
        return path;
    }
}
