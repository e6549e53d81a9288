package jp.cartflow.payment.reconciliation;

import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.payment.GatewayCalls;
import jp.cartflow.payment.PaymentAuthorizations;
import jp.cartflow.payment.PaymentOrder;
import jp.cartflow.payment.PaymentOrders;
import jp.cartflow.payment.PaymentSettings;
import jp.cartflow.payment.PaymentStatus;
import jp.cartflow.payment.events.PaymentMismatchDetected;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.payment.gateway.GatewayResult;
import jp.cartflow.payment.gateway.GatewayState;
import jp.cartflow.payment.gateway.GatewayUnavailableException;
import jp.cartflow.payment.reconciliation.PaymentStatusReconciliationProcess.Decision;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.platform.errors.TechnicalFailure;
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
    public record MismatchView(long mismatchId, String orderNo, String gatewayCode, String gatewayName,
                               String ourStatus, String gatewayStatus, String differenceText) {
    }

    /** The answer of a release: the payment status the order got and who released it, when and why. */
    public record Released(long mismatchId, String orderNo, String paymentStatus, String gatewayStatus,
                           String releasedBy, Instant releasedAt, String reason) {
    }

    private final PaymentMismatches mismatches;
    private final PaymentOrders orders;
    private final OrderRepository orderEvents;
    private final GatewayCalls calls;
    private final ShopDirectory shops;
    private final Mails mails;
    private final PaymentSettings settings;
    private final ReconciliationRuns runs;
    private final PaymentAuthorizations authorizations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReconciliationService(PaymentMismatches mismatches, PaymentOrders orders, OrderRepository orderEvents,
                          GatewayCalls calls, ShopDirectory shops, Mails mails, PaymentSettings settings,
                          ReconciliationRuns runs, PaymentAuthorizations authorizations, Clock clock,
                          ApplicationEventPublisher events) {
        this.authorizations = authorizations;
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
     * ゲートウェイの状態と照合する: queries the gateway side of every card order whose state can diverge from
     * ours (PAY-2; the table in docs/payments.md, "Which states are compared") and records each difference of
     * state or of the amount held (the order becomes blocked). A difference is confirmed under the order's row
     * lock, so an operation in flight (a capture between the gateway's answer and our commit) is not taken for
     * a mismatch. A gateway that does not answer fails the whole run (retry, then an incident) and nothing is
     * recorded.
     *
     * @return the ids of the new mismatches
     */
    @Transactional
    public List<Long> compare(String runId) {
        Shop shop = shops.current();
        List<Long> found = new ArrayList<>();
        List<PaymentOrders.AtGateway> candidates = orders.reconcilable(shop.id(),
                clock.instant().minus(settings.reconciliationLookback()));
        for (PaymentOrders.AtGateway candidate : candidates) {
            PaymentOrder order = candidate.order();
            Gateway gateway = candidate.gateway();
            if (!order.paymentStatus().holdsMoney() && authorizations.isRunningFor(order.id())) {
                continue; // an authorization in progress owns the order; its operator task covers a decline
            }
            if (divergence(order, calls.status(gateway, order.orderNo())).isEmpty()) {
                continue;
            }
            order = orders.lock(order.id());
            GatewayResult status = calls.status(gateway, order.orderNo());
            Optional<Mismatch.Kind> kind = divergence(order, status);
            if (kind.isEmpty() || order.gatewayBlocked()) {
                continue;
            }
            Instant now = clock.instant();
            String theirs = status.gatewayStatus() == null ? "コードなし" : status.gatewayStatus();
            Long ourAmount = order.paymentStatus().holdsMoney() ? heldAmount(order) : null;
            long id = mismatches.insert(order.id(), gateway, kind.get(), order.paymentStatus().name(), theirs,
                    status.state(), ourAmount, status.amount(), now, runId);
            orders.setBlocked(order.id(), true, now);
            events.publishEvent(new PaymentMismatchDetected(id, order.id(), order.shopId(), order.orderNo(),
                    gateway.name(), order.paymentStatus().name(), status.state().name(), theirs, now));
            orderEvents.appendEvent(order.id(), "process", "GATEWAY_MISMATCH_FOUND", gateway.displayName() + "上は"
                    + status.state().japanese() + " (" + theirs + ")" + amountText(status.amount()) + "、当システムは"
                    + order.paymentStatus().japanese() + amountText(ourAmount) + ": カード操作を停止", now);
            found.add(id);
        }
        log.info("Reconciliation {}: {} card orders compared, {} mismatches", runId, candidates.size(), found.size());
        return found;
    }

    /** A difference between the gateway's side and ours: of the state, or of the amount where money is held. */
    private Optional<Mismatch.Kind> divergence(PaymentOrder order, GatewayResult status) {
        if (!order.paymentStatus().agreeingGatewayStates().contains(status.state())) {
            return Optional.of(Mismatch.Kind.STATUS);
        }
        if (order.paymentStatus().holdsMoney() && status.amount() != null && status.amount() != heldAmount(order)) {
            return Optional.of(Mismatch.Kind.AMOUNT);
        }
        return Optional.empty();
    }

    private long heldAmount(PaymentOrder order) {
        return calls.heldAmount(order.id()).orElse(order.total());
    }

    private static String amountText(Long amount) {
        return amount == null ? "" : String.format(" %,d円", amount);
    }

    /** 不一致の内容を確かめる: what the operator form shows. */
    public MismatchView view(long mismatchId) {
        Mismatch m = mismatches.get(mismatchId);
        boolean amount = m.kind() == Mismatch.Kind.AMOUNT;
        return new MismatchView(m.id(), m.orderNo(), m.gateway().name(), m.gateway().displayName(),
                PaymentStatus.valueOf(m.ourStatus()).japanese() + (amount ? amountText(m.ourAmount()) : ""),
                m.gatewayState().japanese() + " (" + m.gatewayStatus() + ")" + (amount ? amountText(m.gatewayAmount()) : ""),
                amount ? "金額" : "状態");
    }

    /**
     * 連動を外す (PAY-2): the order leaves the gateway link and becomes 未決済 (UNLINKED: no further status
     * changes); the shop memo records the gateway-side state as it is now, e.g. "ゼウス上は実売上済み". For a Zeus
     * order the documented procedure sets the Zeus side to 実売上 first: while Zeus still holds an open
     * authorization (与信済み) the unlink is refused, so no authorization is left behind unmanaged.
     */
    @Transactional
    public void unlink(long mismatchId, String actor) {
        Mismatch m = undecided(mismatchId);
        PaymentOrder order = orders.lock(m.orderId());
        GatewayResult now = calls.status(m.gateway(), order.orderNo());
        if (m.gateway() == Gateway.ZEUS && now.state() == GatewayState.AUTHORIZED) {
            throw DomainException.rule("PAY-2", "mismatchDecision", "ゼウス上はまだ与信済み (" + now.gatewayStatus()
                    + ") です。先にゼウス管理画面でこの注文 (SENDPOINT " + order.orderNo() + ") を実売上にしてから連動を外して"
                    + "ください / set the order to 実売上 (SALES) in the Zeus admin screen first");
        }
        Instant at = clock.instant();
        orders.setPaymentStatus(m.orderId(), PaymentStatus.UNLINKED, at);
        orders.setBlocked(m.orderId(), false, at);
        String memo = m.gateway().displayName() + "上は" + now.state().japanese() + " ("
                + (now.gatewayStatus() == null ? "コードなし" : now.gatewayStatus()) + ")" + amountText(now.amount());
        orders.appendShopMemo(m.orderId(), "[" + MEMO_DATE.format(at.atZone(clock.getZone())) + "] " + memo
                + "。連動を外し未決済とした(" + actor + ")", at);
        mismatches.decide(mismatchId, Decision.UNLINK.name(), actor, at, true);
        orderEvents.appendEvent(m.orderId(), actor, "GATEWAY_UNLINKED", memo + ": 連動を外し未決済とした", at);
    }

    /**
     * ゲートウェイの状態を採用する: our status becomes the gateway's (a status mismatch) or the gateway's amount is
     * recorded as the amount held (an amount mismatch); the order is unblocked.
     */
    @Transactional
    public void adopt(long mismatchId, String actor) {
        Mismatch m = undecided(mismatchId);
        PaymentStatus adopted = PaymentStatus.adopting(m.gatewayState()).orElseThrow(() -> DomainException.rule("PAY-2",
                "mismatchDecision", m.gateway().displayName() + "側に取引がないため採用できません。連動を外すかサポートに報告してください"
                        + " / the gateway has no transaction to adopt"));
        Instant now = clock.instant();
        PaymentOrder order = orders.lock(m.orderId());
        String detail = m.gateway().displayName() + "の状態 " + m.gatewayStatus() + " を採用: "
                + PaymentStatus.valueOf(m.ourStatus()).japanese() + " → " + adopted.japanese();
        if (m.gatewayAmount() != null && adopted.holdsMoney() && !m.gatewayAmount().equals(heldAmount(order))) {
            calls.recordAdoptedAmount(shops.byId(order.shopId()).code(), order, m.gateway(), m.id(), m.gatewayAmount(),
                    m.gatewayStatus(), "管理画面での金額変更を採用 (" + actor + ")");
            detail += "、金額" + amountText(heldAmount(order)) + " →" + amountText(m.gatewayAmount());
        }
        orders.setPaymentStatus(m.orderId(), adopted, now);
        orders.setBlocked(m.orderId(), false, now);
        mismatches.decide(mismatchId, Decision.ADOPT_GATEWAY_STATUS.name(), actor, now, true);
        orderEvents.appendEvent(m.orderId(), actor, "GATEWAY_STATUS_ADOPTED", detail, now);
    }

    /**
     * REST: support has settled a reported mismatch (PAY-2). The gateway is asked again — after support's
     * correction its side is the true one — and the order takes that state (no transaction there: 未決済, so it
     * can be authorized again with a new key) and, where money is held, that amount; the order is unblocked. Who
     * released it, when and why go to payment_mismatch, the order's audit and its shop memo. Refused (409 PAY-2)
     * unless the mismatch was reported to support and is not released yet; a gateway that does not answer is a
     * 502 and changes nothing.
     */
    @Transactional
    public Released release(long mismatchId, String reason, String actor) {
        Shop shop = shops.current();
        Mismatch m = mismatches.find(shop.id(), mismatchId)
                .orElseThrow(() -> DomainException.notFound("mismatch " + mismatchId, "mismatchId"));
        if (!Decision.REPORT_TO_SUPPORT.name().equals(m.decision()) || m.resolvedAt() != null) {
            throw DomainException.conflict("PAY-2", "mismatchId", "不一致 " + mismatchId + " はサポートに報告済みで解除待ちの"
                    + "状態ではありません (対応: " + (m.decision() == null ? "未対応" : m.decision())
                    + (m.resolvedAt() == null ? "" : "、解決済み") + ") / only a mismatch reported to support and not "
                    + "released yet can be released");
        }
        PaymentOrder order = orders.lock(m.orderId());
        GatewayResult status;
        try {
            status = calls.status(m.gateway(), order.orderNo());
        } catch (GatewayUnavailableException e) {
            throw new TechnicalFailure(TechnicalFailure.Kind.UPSTREAM_UNAVAILABLE, m.gateway().displayName()
                    + "に接続できませんでした。何も変更していません。やり直してください / the gateway did not answer; nothing "
                    + "changed", "mismatchId", "PAY-2", e);
        }
        PaymentStatus settled = order.paymentStatus().agreeingGatewayStates().contains(status.state())
                ? order.paymentStatus()
                : PaymentStatus.settledAt(status.state()).orElseThrow(() -> DomainException.conflict("PAY-2",
                "mismatchId", m.gateway().displayName() + "側の状態 " + status.gatewayStatus() + " は決済状況に対応づけ"
                        + "られません / the gateway's state has no payment status"));
        Instant now = clock.instant();
        String detail = "サポート対応済みとして停止を解除: " + m.gateway().displayName() + "上は" + status.state().japanese()
                + " (" + (status.gatewayStatus() == null ? "コードなし" : status.gatewayStatus()) + ")"
                + amountText(status.amount()) + "、" + order.paymentStatus().japanese() + " → " + settled.japanese();
        if (settled.holdsMoney() && status.amount() != null && status.amount() != heldAmount(order)) {
            calls.recordAdoptedAmount(shop.code(), order, m.gateway(), m.id(), status.amount(), status.gatewayStatus(),
                    "サポート対応後の金額を採用 (" + actor + ")");
        }
        orders.setPaymentStatus(order.id(), settled, now);
        orders.setBlocked(order.id(), false, now);
        mismatches.release(mismatchId, actor, now, reason, settled.name());
        orders.appendShopMemo(order.id(), "[" + MEMO_DATE.format(now.atZone(clock.getZone())) + "] " + detail
                + "。理由: " + reason + "(" + actor + ")", now);
        orderEvents.appendEvent(order.id(), actor, "GATEWAY_MISMATCH_RELEASED", detail + "。理由: " + reason, now);
        return new Released(mismatchId, order.orderNo(), settled.name(), status.gatewayStatus(), actor, now, reason);
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
