package jp.cartflow.payment.gateway;

/**
 * One call to a gateway.
 *
 * @param orderNo        our order number (the gateway's merchant order id, Zeus SENDPOINT)
 * @param amount         yen; the new amount for CHANGE_AMOUNT; ignored by STATUS
 * @param cardToken      the card-on-file token (card gateways, AUTHORIZE); null otherwise
 * @param gatewayRef     the gateway's transaction id from the authorization (CAPTURE, CANCEL, CHANGE_AMOUNT)
 * @param idempotencyKey sent as {@code Idempotency-Key}: the same logical operation always has the same key,
 *                       so a retried call never charges twice (PAY-1)
 */
public record GatewayRequest(String orderNo, long amount, String cardToken, String gatewayRef,
                             String idempotencyKey) {
}
