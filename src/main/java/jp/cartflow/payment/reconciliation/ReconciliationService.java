package jp.cartflow.payment.reconciliation;

import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.payment.GatewayCalls;
import jp.cartflow.payment.PaymentMethods;
import jp.cartflow.payment.PaymentOrder;
import jp.cartflow.payment.PaymentOrders;
import jp.cartflow.payment.PaymentSettings;
import jp.cartflow.payment.PaymentStatus;
import jp.cartflow.payment.events.PaymentMismatchDetected;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayResult;
import jp.cartflow.payment.gateway.GatewayState;
import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.Decision;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.platform.time.BusinessTime;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gateway status reconciliation (PAY-2): find orders whose gateway-side status differs from ours, block them
 * for card operations, and apply the operator's choice — unlink (未決済, shop memo records the gateway's
 * state), adopt the gateway's status, or report to support. Every choice is recorded with who made it.
 */
@Service
public class ReconciliationService {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);
    private static final DateTimeFormatter MEMO_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    /** What the operator form shows about one mismatch. */
    public record MismatchView(long mismatchId, String orderNo, String gatewayName, String ourStatus,
                               String gatewayStatus) {
    }

    private final PaymentMismatches mismatches;
    private final PaymentOrders orders;
    private final OrderRepository orderEvents;
    private final GatewayCalls calls;
    private final ShopDirectory shops;
    private final Mails mails;
    private final PaymentSettings settings;
    private final ReconciliationRuns runs;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReconciliationService(PaymentMismatches mismatches, PaymentOrders orders, OrderRepository orderEvents,
                          GatewayCalls calls, ShopDirectory shops, Mails mails, PaymentSettings settings,
                          ReconciliationRuns runs, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.mismatches = mismatches;
        this.orders = orders;
        this.orderEvents = orderEvents;
        this.calls = calls;
        this.shops = shops;
        this.mails = mails;
        this.settings = settings;
        this.runs = runs;
        this.clock = clock;
    }

    /** REST: a run now (besides the timer). */
    public String startRun() {
        shops.current();
        return runs.startRun();
    }

    /** REST: mismatches whose order is still blocked. */
    public List<Mismatch> open() {
        return mismatches.open(shops.current().id());
    }

    /**
     * ゲートウェイの状態と照合する: queries the gateway status of every open card order of the shop and records
     * each difference (the order becomes blocked). A gateway that does not answer fails the whole run (retry,
     * then an incident) and nothing is recorded.
     *
     * @return the ids of the new mismatches
     */
    @Transactional
    public List<Long> compare(String runId) {
        Shop shop = shops.current();
        List<Long> found = new ArrayList<>();
        List<PaymentOrder> open = orders.openCardOrders(shop.id());
        for (PaymentOrder order : open) {
            Gateway gateway = PaymentMethods.gatewayOf(order.paymentMethodCode()).orElseThrow();
            GatewayResult status = calls.status(gateway, order.orderNo());
            Optional<GatewayState> expected = order.paymentStatus().expectedGatewayState();
            if (expected.isPresent() && expected.get() == status.state()) {
                continue;
            }
            Instant now = clock.instant();
            String theirs = status.gatewayStatus() == null ? "コードなし" : status.gatewayStatus();
            long id = mismatches.insert(order.id(), gateway, order.paymentStatus().name(), theirs, status.state(), now,
                    runId);
            orders.setBlocked(order.id(), true, now);
            events.publishEvent(new PaymentMismatchDetected(id, order.id(), order.shopId(), order.orderNo(),
                    gateway.name(), order.paymentStatus().name(), status.state().name(), theirs, now));
            orderEvents.appendEvent(order.id(), "process", "GATEWAY_MISMATCH_FOUND", gateway.displayName() + "上は"
                    + status.state().japanese() + " (" + theirs + ")、当システムは" + order.paymentStatus().japanese()
                    + ": カード操作を停止", now);
            found.add(id);
        }
        log.info("Reconciliation {}: {} open card orders compared, {} mismatches", runId,
                open.size(), found.size());
        return found;
    }

    /** 不一致の内容を確かめる: what the operator form shows. */
    public MismatchView view(long mismatchId) {
        Mismatch m = mismatches.get(mismatchId);
        return new MismatchView(m.id(), m.orderNo(), m.gateway().displayName(),
                PaymentStatus.valueOf(m.ourStatus()).japanese(),
                m.gatewayState().japanese() + " (" + m.gatewayStatus() + ")");
    }

    /**
     * ゼウス連動を外す (PAY-2): the order leaves the gateway link and becomes 未決済 (UNLINKED: no further status
     * changes); the shop memo records the gateway-side state, e.g. "ゼウス上は実売上済み".
     */
    @Transactional
    public void unlink(long mismatchId, String actor) {
        Mismatch m = undecided(mismatchId);
        Instant now = clock.instant();
        orders.lock(m.orderId());
        orders.setPaymentStatus(m.orderId(), PaymentStatus.UNLINKED, now);
        orders.setBlocked(m.orderId(), false, now);
        String memo = m.gateway().displayName() + "上は" + m.gatewayState().japanese() + " (" + m.gatewayStatus() + ")";
        orders.appendShopMemo(m.orderId(), "[" + MEMO_DATE.format(now.atZone(clock.getZone())) + "] " + memo
                + "。連動を外し未決済とした(" + actor + ")", now);
        mismatches.decide(mismatchId, Decision.UNLINK.name(), actor, now, true);
        orderEvents.appendEvent(m.orderId(), actor, "GATEWAY_UNLINKED", memo + ": 連動を外し未決済とした", now);
    }

    /** ゲートウェイの状態を採用する: our status becomes the gateway's; the order is unblocked. */
    @Transactional
    public void adopt(long mismatchId, String actor) {
        Mismatch m = undecided(mismatchId);
        PaymentStatus adopted = PaymentStatus.adopting(m.gatewayState()).orElseThrow(() -> DomainException.rule("PAY-2",
                "mismatchDecision", m.gateway().displayName() + "側に取引がないため採用できません。連動を外すかサポートに報告してください"
                        + " / the gateway has no transaction to adopt"));
        Instant now = clock.instant();
        orders.lock(m.orderId());
        orders.setPaymentStatus(m.orderId(), adopted, now);
        orders.setBlocked(m.orderId(), false, now);
        mismatches.decide(mismatchId, Decision.ADOPT_GATEWAY_STATUS.name(), actor, now, true);
        orderEvents.appendEvent(m.orderId(), actor, "GATEWAY_STATUS_ADOPTED", m.gateway().displayName() + "の状態 "
                + m.gatewayStatus() + " を採用: " + PaymentStatus.valueOf(m.ourStatus()).japanese() + " → "
                + adopted.japanese(), now);
    }

    /**
     * サポートに報告する (PAY-2): mails the support address the order number and the gateway-side status. The
     * order stays blocked until support has aligned the statuses.
     */
    @Transactional
    public void reportToSupport(long mismatchId, String actor) {
        Mismatch m = undecided(mismatchId);
        PaymentOrder order = orders.get(m.orderId());
        Shop shop = shops.byId(order.shopId());
        String to = settings.supportAddress().isBlank() ? shop.email() : settings.supportAddress();
        String body = """
                %s 様

                ゲートウェイ側で状態を変更していないにもかかわらず、決済状態の不一致が発生しました。
                調査のうえ、実際の状態に合わせる調整をお願いいたします。

                ショップ: %s (%s)
                該当の注文番号: %s
                %s管理画面側のステータス: %s (%s)
                当システムの決済状況: %s
                検知日時: %s
                報告者: %s
                """.formatted("サポート担当", shop.name(), shop.code(), m.orderNo(), m.gateway().displayName(),
                m.gatewayStatus(), m.gatewayState().japanese(), PaymentStatus.valueOf(m.ourStatus()).japanese(),
                BusinessTime.minutes(m.detectedAt()), actor);
        Instant now = clock.instant();
        long outboxId = mails.queueText(shop.id(), MailKind.NOTICE, m.orderId(), Sender.shop(shop), List.of(to),
                "【決済状態の不一致】注文番号 " + m.orderNo() + " (" + m.gateway().displayName() + ": " + m.gatewayStatus()
                + ")", body);
        mismatches.decide(mismatchId, Decision.REPORT_TO_SUPPORT.name(), actor, now, false);
        orderEvents.appendEvent(m.orderId(), actor, "GATEWAY_MISMATCH_REPORTED", "サポートに報告 (outbox " + outboxId
                + " → " + to + "): " + m.gateway().displayName() + "側 " + m.gatewayStatus(), now);
    }

    private Mismatch undecided(long mismatchId) {
        Mismatch m = mismatches.get(mismatchId);
        if (m.decision() != null) {
            throw new IllegalStateException("mismatch " + mismatchId + " was decided already: " + m.decision());
        }
        return m;
    }
}
