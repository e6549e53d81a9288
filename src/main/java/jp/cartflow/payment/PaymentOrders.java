package jp.cartflow.payment;

import jp.cartflow.order.OrderPayments;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The payment side of orders, through the order room's API (order is the only writer of customer_order). */
@Component
public class PaymentOrders {

    private final OrderPayments orders;

    PaymentOrders(OrderPayments orders) {
        this.orders = orders;
    }

    public Optional<PaymentOrder> findByOrderNo(long shopId, String orderNo) {
        return orders.findByOrderNo(shopId, orderNo).map(PaymentOrders::of);
    }

    public PaymentOrder get(long orderId) {
        return of(orders.get(orderId));
    }

    /** Locks the order row for the rest of the transaction, then reads it. */
    public PaymentOrder lock(long orderId) {
        return of(orders.lock(orderId));
    }

    /** Card orders whose payment is not final (reconciliation, PAY-2), not blocked already. */
    public List<PaymentOrder> openCardOrders(long shopId) {
        return orders.open(shopId, List.of(PaymentMethods.ZEUS_CARD, PaymentMethods.SBPS_CARD),
                        List.of(PaymentStatus.AUTHORIZED.name(), PaymentStatus.CAPTURED.name())).stream()
                .map(PaymentOrders::of).toList();
    }

    public void setPaymentStatus(long orderId, PaymentStatus status, Instant now) {
        orders.setPaymentStatus(orderId, status.name(), now);
    }

    public void setBlocked(long orderId, boolean blocked, Instant now) {
        orders.setBlocked(orderId, blocked, now);
    }

    public void setPaymentMethod(long orderId, String code, String name, Instant now) {
        orders.setPaymentMethod(orderId, code, name, now);
    }

    /** The method's name the order keeps, or the generic name of its code for an order without one. */
    public String paymentMethodName(PaymentOrder order) {
        String kept = orders.paymentMethodName(order.id());
        return kept != null ? kept : PaymentMethods.customerLabel(order.paymentMethodCode());
    }

    public void cancel(long orderId, Instant now) {
        orders.cancel(orderId, now);
    }

    /** Appends a line to the operator-only shop memo. */
    public void appendShopMemo(long orderId, String line, Instant now) {
        orders.appendShopMemo(orderId, line, now);
    }

    private static PaymentOrder of(OrderPayments.PaymentFacts f) {
        return new PaymentOrder(f.id(), f.shopId(), f.orderNo(), f.memberId(), f.status(), f.paymentMethodCode(),
                PaymentStatus.valueOf(f.paymentStatus()), f.gatewayBlocked(), f.total(), f.shopMemo(), f.carrierId());
    }
}
