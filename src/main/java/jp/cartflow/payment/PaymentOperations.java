package jp.cartflow.payment;

import jp.cartflow.order.OrderRepository;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayOperation;
import jp.cartflow.payment.gateway.GatewayRequest;
import jp.cartflow.payment.gateway.GatewayResult;
import jp.cartflow.payment.gateway.GatewayUnavailableException;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.platform.errors.TechnicalFailure;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;

/**
 * Capture (実売上), cancel and amount change of an order's payment, always through the gateway (PAY-1) and
 * refused (409) while the order is blocked by a gateway mismatch (PAY-2). The order changes only when the
 * gateway approved; a declined call is recorded and answered, not an error.
 */
@Service
class PaymentOperations {

    /** The answer of an operation: the gateway's outcome and the order's payment status afterwards. */
    public record OperationResult(String orderNo, GatewayOperation operation, GatewayResult.Outcome outcome,
                                  String reason, PaymentStatus paymentStatus, String idempotencyKey) {
    }

    private final PaymentOrders orders;
    private final OrderRepository orderEvents;
    private final ShopDirectory shops;
    private final GatewayCalls calls;
    private final PaymentTransactions transactions;
    private final Clock clock;

    PaymentOperations(PaymentOrders orders, OrderRepository orderEvents, ShopDirectory shops, GatewayCalls calls,
                      PaymentTransactions transactions, Clock clock) {
        this.orders = orders;
        this.orderEvents = orderEvents;
        this.shops = shops;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public OperationResult capture(String orderNo, String actor) {
        return operate(orderNo, GatewayOperation.CAPTURE, null, Set.of(PaymentStatus.AUTHORIZED), PaymentStatus.CAPTURED,
                actor);
    }

    @Transactional
    public OperationResult cancel(String orderNo, String actor) {
        return operate(orderNo, GatewayOperation.CANCEL, null, Set.of(PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED),
                PaymentStatus.CANCELLED, actor);
    }

    @Transactional
    public OperationResult changeAmount(String orderNo, long amount, String actor) {
        if (amount <= 0) {
            throw DomainException.invalid("amount", "金額は1円以上です / amount must be positive");
        }
        return operate(orderNo, GatewayOperation.CHANGE_AMOUNT, amount,
                Set.of(PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED), null, actor);
    }

    private OperationResult operate(String orderNo, GatewayOperation operation, Long newAmount,
                                    Set<PaymentStatus> allowed, PaymentStatus after, String actor) {
        Shop shop = shops.current();
        PaymentOrder order = orders.lock(orders.findByOrderNo(shop.id(), orderNo)
                .orElseThrow(() -> DomainException.notFound("order " + orderNo, "orderNo")).id());
        if (order.gatewayBlocked()) {
            throw DomainException.conflict("orderNo", "注文 " + orderNo + " はゲートウェイ状態の不一致の確認待ちのため操作できません / "
                    + "blocked by a gateway status mismatch until an operator resolves it (PAY-2)");
        }
        Gateway gateway = PaymentMethods.gatewayOf(order.paymentMethodCode()).orElseThrow(() -> DomainException.conflict(
                "orderNo", "order " + orderNo + " is paid by " + order.paymentMethodCode() + ", not through a gateway"));
        if (!allowed.contains(order.paymentStatus())) {
            throw DomainException.conflict("orderNo", "order " + orderNo + " is " + order.paymentStatus() + "; "
                    + operation + " needs " + allowed);
        }
        String ref = transactions.authorizationRef(order.id()).orElse(null);
        String key = calls.nextKey(shop.code(), order, operation);
        long amount = newAmount != null ? newAmount : transactions.currentAmount(order.id()).orElse(order.total());
        GatewayResult result;
        try {
            result = calls.call(order.id(), gateway, operation, new GatewayRequest(orderNo, amount, null, ref, key));
        } catch (GatewayUnavailableException e) {
            throw new TechnicalFailure(TechnicalFailure.Kind.UPSTREAM_UNAVAILABLE, gateway.displayName()
                    + "に接続できませんでした。注文は変更されていません。同じ操作をやり直してください / the gateway did not "
                    + "answer; nothing changed, retry the same operation", "orderNo", "PAY-1", e);
        }
        PaymentStatus status = order.paymentStatus();
        if (result.approved()) {
            status = after == null ? status : after;
            orders.setPaymentStatus(order.id(), status, clock.instant());
            orderEvents.appendEvent(order.id(), actor, "PAYMENT_" + operation.name(), gateway.displayName() + " "
                    + operation + " OK" + (newAmount == null ? "" : ": " + String.format("%,d円", newAmount)), clock.instant());
        } else {
            orderEvents.appendEvent(order.id(), actor, "PAYMENT_" + operation.name() + "_DECLINED",
                    gateway.displayName() + ": " + result.reason(), clock.instant());
        }
        return new OperationResult(orderNo, operation, result.outcome(), result.reason(), status, key);
    }
}
