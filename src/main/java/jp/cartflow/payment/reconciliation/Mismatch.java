package jp.cartflow.payment.reconciliation;

import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayState;

import java.time.Instant;

/** A difference between the gateway's status of an order and ours (payment_mismatch, PAY-2). */
record Mismatch(long id, long orderId, String orderNo, Gateway gateway, String ourStatus,
                       String gatewayStatus, GatewayState gatewayState, Instant detectedAt, String processInstanceId,
                       String decision, String decidedBy, Instant decidedAt, Instant resolvedAt) {
}
