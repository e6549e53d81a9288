package jp.cartflow.payment;

import jp.cartflow.payment.gateway.GatewayOperation;
import jp.cartflow.payment.gateway.GatewayResult;

/**
 * Told after every answered gateway call, inside the caller's transaction (before it commits). For
 * observability; the tests use it to make a transaction fail after a successful call ("charged once").
 */
public interface GatewayCallListener {

    void answered(long orderId, GatewayOperation operation, String idempotencyKey, GatewayResult result);
}
