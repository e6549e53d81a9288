package jp.cartflow.payment;

import jp.cartflow.order.OrderRepository;
import jp.cartflow.payment.CreditAuthorizationProcess.Outcome;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayOperation;
import jp.cartflow.payment.gateway.GatewayRequest;
import jp.cartflow.payment.gateway.GatewayResult;
import jp.cartflow.payment.gateway.GatewayState;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.shop.ShopSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Credit authorization of an order (与信, SUB-5/6, PAY-1/3): the steps of CreditAuthorizationProcess. A card
 * result is recorded on the order; a decline is never retried automatically — an operator decides (SUB-6).
 * A technical failure throws, so nothing is written and the process job is retried.
 */
@Service
public class CreditAuthorizationService {

    /** What the process needs after a step: the outcome and, for a decline, what the operator form shows. */
    public record AuthorizationResult(Outcome outcome, String reason, String amountText, String paymentMethodName,
                                      List<PaymentMethods.Option> options) {
    }

    private final PaymentOrders orders;
    private final OrderRepository orderEvents;
    private final ShopDirectory shops;
    private final PaymentMethods methods;
    private final CardsOnFile cards;
    private final GatewayCalls calls;
    private final PaymentTransactions transactions;
    private final PaymentAuthorizations process;
    private final ShopSettings shopSettings;
    private final Clock clock;

    CreditAuthorizationService(PaymentOrders orders, OrderRepository orderEvents, ShopDirectory shops,
                               PaymentMethods methods, CardsOnFile cards, GatewayCalls calls,
                               PaymentTransactions transactions, PaymentAuthorizations process, ShopSettings shopSettings,
                               Clock clock) {
        this.orders = orders;
        this.orderEvents = orderEvents;
        this.shops = shops;
        this.methods = methods;
        this.cards = cards;
        this.calls = calls;
        this.transactions = transactions;
        this.process = process;
        this.shopSettings = shopSettings;
        this.clock = clock;
    }

    /** REST: starts the authorization of an order of the current shop. */
    @Transactional
    public String start(String orderNo, String actor) {
        PaymentOrder order = lockOpenOrder(orderNo);
        if (PaymentMethods.gatewayOf(order.paymentMethodCode()).isEmpty()) {
            throw DomainException.conflict("orderNo", "order " + orderNo + " is paid by " + order.paymentMethodCode()
                    + ", which needs no authorization");
        }
        if (order.paymentStatus() != PaymentStatus.UNPAID && order.paymentStatus() != PaymentStatus.AUTH_DECLINED) {
            throw DomainException.conflict("orderNo", "order " + orderNo + " is " + order.paymentStatus()
                    + " already; only UNPAID or AUTH_DECLINED orders are authorized");
        }
        if (process.isRunningFor(order.id())) {
            throw DomainException.conflict("orderNo", "an authorization of order " + orderNo + " is running already");
        }
        orderEvents.appendEvent(order.id(), actor, "AUTHORIZATION_REQUESTED", "与信を依頼", clock.instant());
        return process.startAuthorization(order.id());
    }

    /** REST: the NP screening result arrived (PAY-3). */
    @Transactional
    public void deliverScreeningResult(String orderNo, boolean approved, String reason) {
        PaymentOrder order = orders.findByOrderNo(shops.current().id(), orderNo)
                .orElseThrow(() -> DomainException.notFound("order " + orderNo, "orderNo"));
        if (!process.deliverScreeningResult(order.id(), approved, reason)) {
            throw DomainException.conflict("orderNo", "no authorization of order " + orderNo + " waits for a screening result");
        }
    }

    /**
     * 与信を実行する. The idempotency key's sequence is the number of answered authorizations of the order + 1
     * (PAY-1): an attempt that got no committed answer (a job retry after a timeout, a crash before commit) sends
     * the same key again, while every new attempt — an operator's retry, a method switch, a new process — comes
     * after an answered one and gets a key of its own.
     */
    @Transactional
    public AuthorizationResult authorize(long orderId, String actor) {
        PaymentOrder order = orders.lock(orderId);
        if (order.gatewayBlocked()) {
            throw new IllegalStateException("order " + order.orderNo() + " is blocked by a gateway mismatch (PAY-2)");
        }
        Optional<Gateway> gateway = PaymentMethods.gatewayOf(order.paymentMethodCode());
        if (gateway.isEmpty() || order.cancelled()) {
            orderEvents.appendEvent(orderId, actor, "AUTHORIZATION_NOT_REQUIRED", order.cancelled()
                    ? "注文は取消済み / order cancelled" : "与信不要な支払方法 / " + order.paymentMethodCode(), clock.instant());
            return result(order, Outcome.NOT_REQUIRED, null);
        }
        if (order.paymentStatus() == PaymentStatus.AUTHORIZED || order.paymentStatus() == PaymentStatus.CAPTURED) {
            return result(order, Outcome.APPROVED, null);
        }
        String token = null;
        if (PaymentMethods.isCard(order.paymentMethodCode())) {
            Optional<CardsOnFile.Card> card = order.memberId() == null ? Optional.empty() : cards.card(order.memberId());
            if (card.isEmpty() || card.get().gateway() != gateway.get()) {
                return declined(order, "登録カードがありません / no " + gateway.get() + " card on file (SUB-27)", actor);
            }
            token = card.get().token();
        }
        Shop shop = shops.byId(order.shopId());
        GatewayRequest request = new GatewayRequest(order.orderNo(), order.total(), token, null,
                calls.nextKey(shop.code(), order, GatewayOperation.AUTHORIZE));
        GatewayResult answer = calls.call(orderId, gateway.get(), GatewayOperation.AUTHORIZE, request);
        return switch (answer.outcome()) {
            case APPROVED -> approved(order, gateway.get().displayName() + " 与信OK (" + answer.gatewayRef() + ")", actor);
            case PENDING -> {
                orders.setPaymentStatus(orderId, PaymentStatus.AUTH_PENDING, clock.instant());
                orderEvents.appendEvent(orderId, actor, "AUTHORIZATION_PENDING",
                        gateway.get().displayName() + " 審査中 (" + answer.gatewayRef() + ")", clock.instant());
                yield result(order, Outcome.PENDING, null);
            }
            case DECLINED -> declined(order, answer.reason(), actor);
        };
    }

    /** 審査結果を記録する: the screening result arrived as a message. */
    @Transactional
    public AuthorizationResult recordScreeningResult(long orderId, boolean approved, String reason, String actor) {
        PaymentOrder order = orders.lock(orderId);
        return approved ? approved(order, "NP後払い 審査OK (通知)", actor)
                : declined(order, reason == null || reason.isBlank() ? "NP後払い 審査NG" : reason, actor);
    }

    /** 審査結果を照会する: polls the gateway; still pending → PENDING, nothing written. */
    @Transactional
    public AuthorizationResult queryScreeningResult(long orderId, String actor) {
        PaymentOrder order = orders.lock(orderId);
        Gateway gateway = PaymentMethods.gatewayOf(order.paymentMethodCode())
                .orElseThrow(() -> new IllegalStateException("order " + order.orderNo() + " has no gateway"));
        GatewayResult status = calls.status(gateway, order.orderNo());
        if (status.state() == GatewayState.AUTHORIZED || status.state() == GatewayState.CAPTURED) {
            return approved(order, gateway.displayName() + " 審査OK (照会: " + status.gatewayStatus() + ")", actor);
        }
        if (status.state() == GatewayState.DECLINED || status.state() == GatewayState.CANCELLED) {
            return declined(order, gateway.displayName() + " 審査NG (照会: " + status.gatewayStatus() + ")", actor);
        }
        return result(order, Outcome.PENDING, null);
    }

    /**
     * 支払方法を変更する (SUB-6, SUB-17): only a subscription-capable method the order's carrier supports.
     *
     * @return whether the new method needs an authorization (card, NP)
     */
    @Transactional
    public boolean switchPaymentMethod(long orderId, String newMethod, String actor) {
        PaymentOrder order = orders.lock(orderId);
        List<PaymentMethods.Option> options = switchOptions(order);
        if (newMethod == null || options.stream().noneMatch(o -> o.code().equals(newMethod))) {
            throw DomainException.rule("SUB-17", "newPaymentMethod", "変更先の支払方法を選んでください(選択可能: "
                    + options.stream().map(PaymentMethods.Option::name).toList() + ") / not selectable: " + newMethod);
        }
        if (order.memberId() != null) {
            cards.requireCardFor(order.memberId(), newMethod, "newPaymentMethod");
        }
        orders.setPaymentMethod(orderId, newMethod, methods.shopName(order.shopId(), newMethod)
                .orElse(PaymentMethods.customerLabel(newMethod)), clock.instant());
        orders.setPaymentStatus(orderId, PaymentStatus.UNPAID, clock.instant());
        orderEvents.appendEvent(orderId, actor, "PAYMENT_METHOD_SWITCHED", "与信エラーのため支払方法を変更: "
                + order.paymentMethodCode() + " → " + newMethod, clock.instant());
        return PaymentMethods.gatewayOf(newMethod).isPresent();
    }

    /** 注文を取り消す (SUB-6). */
    @Transactional
    public void cancelOrder(long orderId, String actor) {
        PaymentOrder order = orders.lock(orderId);
        orders.cancel(orderId, clock.instant());
        orderEvents.appendEvent(orderId, actor, "ORDER_CANCELLED", "与信エラーのため注文を取消 ("
                + order.paymentStatus().japanese() + ")", clock.instant());
    }

    /** 再与信を受け付ける: SUB-6 beyond — only when the shop enables retries (auth_retry_enabled). */
    @Transactional
    public void prepareRetry(long orderId, String actor) {
        PaymentOrder order = orders.lock(orderId);
        boolean enabled = shopSettings.authorizationRetryEnabled(order.shopId());
        if (!enabled) {
            throw DomainException.rule("SUB-6", "operatorDecision", "再与信はショップ設定で許可されていません。支払方法の変更か注文の"
                    + "取消を選んでください / retrying is not enabled for this shop");
        }
        orderEvents.appendEvent(orderId, actor, "AUTHORIZATION_RETRY_REQUESTED", "オペレーターが再与信を指示", clock.instant());
    }

    /** The payment transactions of an order (audit, tests). */
    public List<PaymentTransactions.Recorded> transactions(long orderId) {
        return transactions.forOrder(orderId);
    }

    private AuthorizationResult approved(PaymentOrder order, String detail, String actor) {
        orders.setPaymentStatus(order.id(), PaymentStatus.AUTHORIZED, clock.instant());
        orderEvents.appendEvent(order.id(), actor, "PAYMENT_AUTHORIZED", detail, clock.instant());
        return result(order, Outcome.APPROVED, null);
    }

    private AuthorizationResult declined(PaymentOrder order, String reason, String actor) {
        orders.setPaymentStatus(order.id(), PaymentStatus.AUTH_DECLINED, clock.instant());
        orderEvents.appendEvent(order.id(), actor, "PAYMENT_DECLINED", reason, clock.instant());
        return result(order, Outcome.DECLINED, reason);
    }

    private AuthorizationResult result(PaymentOrder order, Outcome outcome, String reason) {
        String methodName = orders.paymentMethodName(order);
        return new AuthorizationResult(outcome, reason, String.format("%,d円", order.total()), methodName,
                outcome == Outcome.DECLINED ? switchOptions(order) : List.of());
    }

    private List<PaymentMethods.Option> switchOptions(PaymentOrder order) {
        return methods.subscriptionOptions(order.shopId(), order.carrierId(), order.total() == 0).stream()
                .filter(o -> !o.code().equals(order.paymentMethodCode())).toList();
    }

    private PaymentOrder lockOpenOrder(String orderNo) {
        PaymentOrder order = orders.findByOrderNo(shops.current().id(), orderNo)
                .orElseThrow(() -> DomainException.notFound("order " + orderNo, "orderNo"));
        order = orders.lock(order.id());
        if (order.cancelled()) {
            throw DomainException.conflict("orderNo", "order " + orderNo + " is cancelled");
        }
        if (order.gatewayBlocked()) {
            throw DomainException.conflict("orderNo", "order " + orderNo + " is blocked: its gateway status differs from "
                    + "ours and waits for an operator (PAY-2)");
        }
        return order;
    }
}
