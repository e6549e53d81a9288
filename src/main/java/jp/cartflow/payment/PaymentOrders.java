package jp.cartflow.payment;

import jp.cartflow.order.OrderPayments;
import jp.cartflow.payment.gateway.Gateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The payment side of orders, through the order room's API (order is the only writer of customer_order). */
@Component
public class PaymentOrders {

    /** An order to compare with the gateway that holds (or held) its card payment. */
    public record AtGateway(PaymentOrder order, Gateway gateway) {
    }

    private final OrderPayments orders;
    private final PaymentTransactions transactions;

    PaymentOrders(OrderPayments orders, PaymentTransactions transactions) {
        this.orders = orders;
        this.transactions = transactions;
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

    /**
     * What reconciliation compares (PAY-2): every open card order holding money (authorized, captured), and the
     * card orders holding none on our side (unpaid, declined, cancelled) whose last gateway call was at or after
     * {@code since}, at the gateway of that call. Blocked orders are left out (they wait for an operator).
     */
    public List<AtGateway> reconcilable(long shopId, Instant since) {
        List<AtGateway> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (PaymentOrder order : openCardOrders(shopId)) {
            result.add(new AtGateway(order, PaymentMethods.gatewayOf(order.paymentMethodCode()).orElseThrow()));
            seen.add(order.id());
        }
        for (PaymentTransactions.RecentCall call : transactions.recentCardCalls(shopId, since)) {
            if (seen.contains(call.orderId())) {
                continue;
            }
            PaymentOrder order = get(call.orderId());
            if (!order.gatewayBlocked() && !order.paymentStatus().holdsMoney()
                    && !order.paymentStatus().agreeingGatewayStates().isEmpty()) {
                result.add(new AtGateway(order, call.gateway()));
            }
        }
        return result;
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
