package jp.cartflow.payment.gateway;

/**
 * The port to one payment gateway (PAY-1). Every call carries the request's idempotency key; a declined
 * call is a {@link GatewayResult}, a technical failure a {@link GatewayUnavailableException}.
 */
public interface CreditGateway {

    Gateway gateway();

    /** 与信: reserve the amount (NP: start the screening, which may stay PENDING, PAY-3). */
    GatewayResult authorize(GatewayRequest request);

    /** 実売上: turn the authorization into a sale. */
    GatewayResult capture(GatewayRequest request);

    /** 取消: release the authorization or refund the sale. */
    GatewayResult cancel(GatewayRequest request);

    /** 金額変更: change the authorized or captured amount to {@code request.amount()}. */
    GatewayResult changeAmount(GatewayRequest request);

    /** The gateway's current status of the order (reconciliation, NP screening poll). */
    GatewayResult status(String orderNo);
}
