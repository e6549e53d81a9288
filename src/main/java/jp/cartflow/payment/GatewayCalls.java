package jp.cartflow.payment;

import jp.cartflow.payment.gateway.CreditGateway;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayOperation;
import jp.cartflow.payment.gateway.GatewayRequest;
import jp.cartflow.payment.gateway.GatewayResult;
import jp.cartflow.payment.gateway.GatewayState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Every money-moving gateway call goes through here (PAY-1): the call is recorded in payment_transaction under
 * its idempotency key first (insert or reuse), made with that key, and its answer recorded. A key that was
 * answered before (and committed) is not sent again: its recorded answer is returned.
 */
@Component
public class GatewayCalls {

    private final CreditGateways gateways;
    private final PaymentTransactions transactions;
    private final ObjectProvider<GatewayCallListener> listeners;
    private final Clock clock;

    GatewayCalls(CreditGateways gateways, PaymentTransactions transactions,
                 ObjectProvider<GatewayCallListener> listeners, Clock clock) {
        this.gateways = gateways;
        this.transactions = transactions;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Idempotency key of one logical operation: shop, order number, operation and its sequence number. */
    public static String key(String shopCode, String orderNo, GatewayOperation operation, int sequence) {
        return shopCode + ":" + orderNo + ":" + operation.name() + ":" + sequence;
    }

    /**
     * The key of the order's next logical operation: its sequence is the number of answered calls of that
     * operation + 1. A try whose answer was never committed (timeout, crash before commit, job retry) leaves no
     * answered row, so its retry gets the same key; every new operation follows an answered one and gets a new key.
     */
    public String nextKey(String shopCode, PaymentOrder order, GatewayOperation operation) {
        return key(shopCode, order.orderNo(), operation, transactions.answered(order.id(), operation) + 1);
    }

    public GatewayResult call(long orderId, Gateway gateway, GatewayOperation operation, GatewayRequest request) {
        Optional<PaymentTransactions.Recorded> earlier = transactions.byKey(request.idempotencyKey());
        if (earlier.isPresent() && earlier.get().outcome() != null) {
            PaymentTransactions.Recorded r = earlier.get();
            return new GatewayResult(GatewayResult.Outcome.valueOf(r.outcome()), r.gatewayRef(), r.gatewayStatus(),
                    null, r.reason());
        }
        long id = transactions.begin(orderId, gateway, operation, request.idempotencyKey(), request.amount(),
                clock.instant());
        CreditGateway adapter = gateways.of(gateway);
        GatewayResult result = switch (operation) {
            case AUTHORIZE -> adapter.authorize(request);
            case CAPTURE -> adapter.capture(request);
            case CANCEL -> adapter.cancel(request);
            case CHANGE_AMOUNT -> adapter.changeAmount(request);
            case STATUS -> throw new IllegalArgumentException("status queries are not recorded calls");
        };
        transactions.complete(id, result, clock.instant());
        listeners.orderedStream().forEach(l -> l.answered(orderId, operation, request.idempotencyKey(), result));
        return result;
    }

    /** The amount the gateway should hold for the order: the latest approved authorization or amount change. */
    public Optional<Long> heldAmount(long orderId) {
        return transactions.currentAmount(orderId);
    }

    /**
     * An operator adopted an amount changed on the gateway's side (PAY-2): recorded as an answered amount change
     * under {@code <shop>:<order>:CHANGE_AMOUNT:ADOPTED-<mismatch>}, without calling the gateway.
     */
    public void recordAdoptedAmount(String shopCode, PaymentOrder order, Gateway gateway, long mismatchId, long amount,
                                    String gatewayStatus, String reason) {
        transactions.recordAdoptedAmount(order.id(), gateway, shopCode + ":" + order.orderNo() + ":"
                + GatewayOperation.CHANGE_AMOUNT.name() + ":ADOPTED-" + mismatchId, amount, gatewayStatus, reason,
                clock.instant());
    }

    /** The gateway's current state of an order (not recorded: a query moves no money). */
    public GatewayResult status(Gateway gateway, String orderNo) {
        GatewayResult result = gateways.of(gateway).status(orderNo);
        return result.state() == null
                ? new GatewayResult(result.outcome(), result.gatewayRef(), result.gatewayStatus(), GatewayState.UNKNOWN,
                result.reason(), result.amount())
                : result;
    }
}
