package jp.cartflow.payment.events;

import java.time.Instant;

/**
 * PAY-2: the reconciliation found the gateway's state of an order different from ours; the order's card
 * operations are blocked until an operator decides.
 */
public record PaymentMismatchDetected(long mismatchId, long orderId, long shopId, String orderNo, String gateway,
                                      String ourStatus, String gatewayState, String gatewayStatus,
                                      Instant occurredAt) {

    public String type() {
        return "payment.mismatch_detected";
    }
}
