package jp.cartflow.payment.reconciliation;

import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayState;

import java.time.Instant;

/**
 * A difference between the gateway's side of an order and ours (payment_mismatch, PAY-2): of its state
 * ({@code STATUS}) or, with the same state, of the amount held ({@code AMOUNT}). A mismatch reported to support
 * is released once support has settled it (who, when, why, the status the order got).
 */
record Mismatch(long id, long orderId, String orderNo, Gateway gateway, Kind kind, String ourStatus,
                String gatewayStatus, GatewayState gatewayState, Long ourAmount, Long gatewayAmount,
                Instant detectedAt, String processInstanceId, String decision, String decidedBy, Instant decidedAt,
                Instant resolvedAt, String releasedBy, Instant releasedAt, String releaseReason,
                String releasedStatus) {

    enum Kind { STATUS, AMOUNT }
}
