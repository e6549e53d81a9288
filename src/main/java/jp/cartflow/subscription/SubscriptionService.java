package jp.cartflow.subscription;

import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.TemplatedMail;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.order.Order;
import jp.cartflow.order.OrderMailContexts;
import jp.cartflow.order.OrderCreation;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.inventory.catalog.Catalog;
import jp.cartflow.inventory.catalog.Product;
import jp.cartflow.member.Member;
import jp.cartflow.member.Members;
import jp.cartflow.member.Recipient;
import jp.cartflow.payment.CardsOnFile;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.payment.PaymentMethods;
import jp.cartflow.shop.ShopSettings;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.platform.web.ProblemType;
import jp.cartflow.shop.Carrier;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.subscription.SubscriptionCommands.AddressChange;
import jp.cartflow.subscription.SubscriptionCommands.Checkout;
import jp.cartflow.subscription.SubscriptionCommands.CycleInput;
import jp.cartflow.subscription.SubscriptionCommands.ItemAdd;
import jp.cartflow.subscription.SubscriptionCommands.ItemChange;
import jp.cartflow.subscription.SubscriptionCommands.ItemInput;
import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.subscription.domain.EditWindow;
import jp.cartflow.subscription.domain.Fees;
import jp.cartflow.subscription.domain.GenerationTiming;
import jp.cartflow.subscription.domain.OrderDraft;
import jp.cartflow.subscription.domain.OrderTermsRules;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.domain.Schedule;
import jp.cartflow.subscription.domain.SubscriptionItem;
import jp.cartflow.subscription.domain.SubscriptionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The subscription use cases for the shop's backend (operators and integrations): checkout, search, changes,
 * skip, termination, schedule preview. Each runs in one transaction together with the engine; refused
 * requests throw {@link ApiException} and write nothing.
 */
@Service
public class SubscriptionService {

    private final ShopDirectory shops;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionSettingsRepository settings;
    private final SubscriptionOrders subscriptionOrders;
    private final Members members;
    private final Catalog catalog;
    private final CardsOnFile cards;
    private final PaymentMethods paymentMethods;
    private final ShopSettings shopSettings;
    private final SubscriptionLifecycle lifecycle;
    private final OrderRepository orders;
    private final OrderMailContexts mailContexts;
    private final Mails mails;
    private final Clock clock;
    private final SubscriptionEvents events;
    private final OrderTermsRules termsRules;

    public SubscriptionService(ShopDirectory shops, SubscriptionRepository subscriptions,
                               SubscriptionSettingsRepository settings, SubscriptionOrders subscriptionOrders,
                               Members members, Catalog catalog, CardsOnFile cards, PaymentMethods paymentMethods,
                               ShopSettings shopSettings, SubscriptionLifecycle lifecycle, OrderRepository orders,
                               OrderMailContexts mailContexts, Mails mails,
                               Clock clock, SubscriptionEvents events, OrderTermsRules termsRules) {
        this.events = events;
        this.termsRules = termsRules;
        this.shops = shops;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.subscriptionOrders = subscriptionOrders;
        this.members = members;
        this.catalog = catalog;
        this.cards = cards;
        this.paymentMethods = paymentMethods;
        this.shopSettings = shopSettings;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.mailContexts = mailContexts;
        this.mails = mails;
        this.clock = clock;
    }

    public record Created(String subscriptionNo, String firstOrderNo, long firstOrderTotal, long memberId,
                          LocalDate nextDeliveryDate, Instant nextGenerationAt, String processInstanceId) {
    }

    /**
     * SUB-1/2: a completed subscription checkout creates the member (for a guest), the first order (delivery 1,
     * first-delivery prices) and the subscription, and starts its lifecycle — all or nothing.
     */
    @Transactional
    public Created create(Checkout c, String actor) {
        Shop shop = shops.current();
        SubscriptionSettings config = settings.get(shop.id());
        if (!config.enabled()) {
            throw ApiException.rule("SUB-31", null, "定期購入機能は無効です / subscriptions are switched off");
        }
        if (config.newSubscriptionsStopped()) {
            throw ApiException.rule("SUB-31", null, "新規の定期購入は受付停止中です / new subscriptions are stopped");
        }
        Instant now = clock.instant();
        GenerationTiming timing = config.timing();
        DeliveryCycle cycle = cycle(c.cycle(), c.firstDeliveryDate(), "cycle");
        checkCycleAllowed(config, cycle, "cycle", "SUB-3");
        if (c.firstDeliveryDate().isBefore(timing.today(now))) {
            throw ApiException.invalid("firstDeliveryDate", "初回お届け日が過去です / first delivery date is in the past");
        }
        Carrier carrier = carrier(shop, c.carrierCode(), "carrierCode");
        checkTimeSlot(carrier, c.timeSlotCode(), "timeSlotCode");
        List<OrderDraft.Line> lines = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            ItemInput item = c.items().get(i);
            Product product = subscriptionProduct(shop, item.productCode(), "items[" + i + "].productCode");
            products.add(product);
            lines.add(new OrderDraft.Line(product.id(), product.code(), product.name(), product.firstPrice(),
                    item.quantity()));
        }
        if (products.stream().map(Product::code).distinct().count() < products.size()) {
            throw ApiException.invalid("items", "同じ商品が重複しています / duplicate product");
        }
        // SUB-1: only members subscribe; a guest registers in the checkout
        Member member;
        if (c.memberId() != null) {
            if (c.newMember() != null) {
                throw ApiException.invalid("newMember", "memberId and newMember exclude each other");
            }
            member = members.member(shop.id(), c.memberId())
                    .orElseThrow(() -> ApiException.notFound("member " + c.memberId(), "memberId"));
        } else if (c.newMember() != null) {
            if (c.recipient() == null) {
                throw ApiException.invalid("recipient", "a new member needs a name and address (recipient)");
            }
            if (members.loginIdTaken(shop.id(), c.newMember().loginId())) {
                throw ApiException.conflict("newMember.loginId", "login id already registered");
            }
            member = null;
        } else {
            throw ApiException.rule("SUB-1", "memberId", "定期購入は会員のみです / only members subscribe: memberId or newMember");
        }
        Fees fees = new Fees(c.fees().shipping(), c.fees().payment(), c.fees().cool());
        long pointsUsed = c.pointsUsed() == null ? 0 : c.pointsUsed();
        OrderDraft draft = OrderDraft.first(lines, fees, config.terms(), pointsUsed, c.memo(), termsRules);
        checkPayment(shop, carrier, c.paymentMethod(), member == null ? null : member.id(), draft.total(),
                "paymentMethod");
        if (pointsUsed > 0 && (member == null || pointsUsed > members.points(member.id()))) {
            throw ApiException.invalid("pointsUsed", "保有ポイントを超えています / more points than the member has");
        }
        // everything checked: write
        long memberId = member != null ? member.id() : members.register(shop.id(), c.newMember().loginId(),
                c.newMember().email(), c.recipient(), shopSettings.registrationPoints(shop.id()), now);
        member = members.member(shop.id(), memberId).orElseThrow();
        if (pointsUsed > 0) {
            members.usePoints(memberId, pointsUsed);
        }
        Recipient recipient = c.recipient() != null ? c.recipient() : member.asRecipient();
        String no = settings.allocateNumber(shop.id(), timing.today(now));
        Schedule schedule = Schedule.afterCheckout(cycle, config.leadDays(), c.firstDeliveryDate(), timing, now);
        long id = subscriptions.insert(new SubscriptionRepository.NewSubscription(shop.id(), no, memberId,
                carrier.id(), blankToNull(c.timeSlotCode()), c.paymentMethod(), recipient, c.memo(), fees, now),
                schedule);
        for (int i = 0; i < products.size(); i++) {
            Product p = products.get(i);
            ItemInput item = c.items().get(i);
            // SUB-19: the first order is delivery 1 of every item present at checkout
            subscriptions.insertItem(id, p.id(), p.code(), p.name(), p.firstPrice(), p.repeatPrice(), item.quantity(),
                    item.maxDeliveries(), 1, now);
        }
        OrderCreation.OrderRef first = subscriptionOrders.placeFirst(new SubscriptionOrders.DeliveryOrder(shop.id(),
                SubscriptionGeneration.orderNo(no, 1), memberId, member.email(), now, recipient, draft,
                c.paymentMethod().name(), id, no, 1, c.firstDeliveryDate(), carrier.id(), blankToNull(c.timeSlotCode()),
                schedule.nextDelivery(), SubscriptionGeneration.scheduleText(schedule)));
        subscriptions.setFirstOrder(id, first.id());
        subscriptions.recordFirstDelivery(id);
        orders.appendEvent(first.id(), actor, "SUBSCRIPTION_CHECKOUT", "定期購入 " + no + " の初回配送分", now);
        if (subscriptions.items(id).stream().allMatch(SubscriptionItem::removed)) {
            subscriptions.end(id, SubscriptionStatus.ENDED, now, "all count-limited items delivered (SUB-24)");
        }
        events.created(id, first.orderNo());
        if (subscriptions.get(id).status() == SubscriptionStatus.ENDED) {
            events.ended(id);
        }
        String instance = lifecycle.start(id, no);
        subscriptions.setProcessInstance(id, instance);
        queueThanksMail(shop, first.id(), member.email());
        Subscription created = subscriptions.get(id);
        return new Created(no, first.orderNo(), draft.total(), memberId, created.nextDeliveryDate(),
                created.nextGenerationAt(), instance);
    }

    /** SUB-30: the thanks mail of the checkout (sent by the outbox dispatcher). */
    private void queueThanksMail(Shop shop, long orderId, String email) {
        Order order = orders.get(orderId);
        mails.queue(TemplatedMail.of(shop.id(), TemplateKey.SUBSCRIPTION_THANKS,
                mailContexts.forOrder(shop, order, true), Sender.shop(shop), List.of(email)).aboutOrder(orderId));
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public SubscriptionView view(String subscriptionNo) {
        Subscription s = find(subscriptionNo);
        return SubscriptionView.of(s, subscriptions.items(s.id()));
    }

    @Transactional(readOnly = true)
    public List<SubscriptionView> search(Long memberId, boolean cancelled, String subscriptionNo, int limit) {
        Shop shop = shops.current();
        return subscriptions.search(shop.id(), new SubscriptionRepository.Filter(memberId, cancelled,
                        blankToNull(subscriptionNo), limit)).stream()
                .map(s -> SubscriptionView.of(s, subscriptions.items(s.id()))).toList();
    }

    /** The next {@code count} deliveries with the reason of each date. */
    @Transactional(readOnly = true)
    public List<Schedule.Preview> preview(String subscriptionNo, int count) {
        Subscription s = find(subscriptionNo);
        if (!s.status().isActive()) {
            return List.of();
        }
        SubscriptionSettings config = settings.get(s.shopId());
        return s.schedule().preview(count, subscriptions.items(s.id()), s.deliveriesGenerated(), config.timing());
    }

    // ---- changes by the shop ------------------------------------------------------------------------

    /** SUB-16: any monthly day or any N (the shop is not limited by the checkout settings), carrier, time slot. */
    @Transactional
    public SubscriptionView changeDelivery(String subscriptionNo, CycleInput cycleInput, String carrierCode,
                                           String timeSlotCode, boolean checkoutLimits, String actor) {
        Subscription s = editable(subscriptionNo);
        Shop shop = shops.byId(s.shopId());
        SubscriptionSettings config = settings.get(s.shopId());
        if (cycleInput == null && carrierCode == null && timeSlotCode == null) {
            throw ApiException.invalid("cycle", "nothing to change: cycle, carrierCode or timeSlotCode");
        }
        Long carrierId = s.carrierId();
        if (carrierCode != null) {
            // SUB-16: the carrier change does not check payment compatibility; fees are not recalculated
            carrierId = carrier(shop, carrierCode, "carrierCode").id();
        }
        String slot = timeSlotCode != null ? blankToNull(timeSlotCode) : (carrierCode != null ? null : s.timeSlotCode());
        if (slot != null) {
            if (carrierId == null || !shops.timeSlotExists(carrierId, slot)) {
                throw ApiException.invalid("timeSlotCode", "unknown time slot '" + slot + "' for the carrier");
            }
        }
        Instant now = clock.instant();
        subscriptions.updateDelivery(s.id(), carrierId, slot, now);
        if (cycleInput != null) {
            DeliveryCycle cycle = cycle(cycleInput, config.timing().today(now), "cycle");
            if (checkoutLimits) {
                checkCycleAllowed(config, cycle, "cycle", "SUB-26");
            }
            Schedule changed = s.schedule().withCycle(cycle, s.lastOrderedDelivery(), config.timing(), now);
            subscriptions.saveSchedule(s.id(), changed, now);
            lifecycle.scheduleChanged(s.subscriptionNo());
        }
        events.changed(s.id(), "delivery");
        return view(subscriptionNo);
    }

    /** SUB-17/27: a method enabled for subscriptions and supported by the carrier; card needs a card on file. */
    @Transactional
    public SubscriptionView changePayment(String subscriptionNo, PaymentMethodCode method, String actor) {
        Subscription s = editable(subscriptionNo);
        Shop shop = shops.byId(s.shopId());
        Carrier carrier = s.carrierCode() == null ? null : shops.carrier(shop.id(), s.carrierCode()).orElse(null);
        long firstTotal = s.firstOrderId() == null ? 1 : orders.get(s.firstOrderId()).total();
        checkPayment(shop, carrier, method, s.memberId(), firstTotal, "paymentMethod");
        // SUB-10: the payment fee stays as it is unless edited on the subscription
        subscriptions.updatePayment(s.id(), method, clock.instant());
        events.changed(s.id(), "payment");
        return view(subscriptionNo);
    }

    /** SUB-26/32: the member's address, another address, or an address-book entry. */
    @Transactional
    public SubscriptionView changeAddress(String subscriptionNo, AddressChange change, String actor) {
        Subscription s = editable(subscriptionNo);
        Recipient recipient = switch (change.kind()) {
            case MEMBER_ADDRESS -> members.member(s.shopId(), s.memberId()).orElseThrow().asRecipient();
            case OTHER_ADDRESS -> {
                if (change.recipient() == null) {
                    throw ApiException.invalid("recipient", "OTHER_ADDRESS needs the recipient");
                }
                yield change.recipient();
            }
            case ADDRESS_BOOK -> {
                if (change.addressBookId() == null) {
                    throw ApiException.invalid("addressBookId", "ADDRESS_BOOK needs addressBookId");
                }
                yield members.addressBookEntry(s.memberId(), change.addressBookId())
                        .orElseThrow(() -> ApiException.notFound("address book entry " + change.addressBookId(),
                                "addressBookId"));
            }
        };
        subscriptions.updateRecipient(s.id(), recipient, clock.instant());
        events.changed(s.id(), "address");
        return view(subscriptionNo);
    }

    /** SUB-18: an added item is priced at the repeat price; its first generated order is its delivery 1. */
    @Transactional
    public SubscriptionView addItem(String subscriptionNo, ItemAdd add, String actor) {
        Subscription s = editable(subscriptionNo);
        Shop shop = shops.byId(s.shopId());
        Product p = subscriptionProduct(shop, add.productCode(), "productCode");
        if (subscriptions.items(s.id()).stream().anyMatch(i -> !i.removed() && i.productCode().equals(p.code()))) {
            throw ApiException.conflict("productCode", "product " + p.code() + " is on the subscription already");
        }
        long price = add.repeatPrice() != null ? add.repeatPrice() : p.repeatPrice();
        subscriptions.insertItem(s.id(), p.id(), p.code(), p.name(), null, price, add.quantity(),
                add.maxDeliveries(), 0, clock.instant());
        events.changed(s.id(), "items");
        return view(subscriptionNo);
    }

    /** SUB-18: repeat price and quantity; never written back to the catalogue (SUB-9). */
    @Transactional
    public SubscriptionView changeItem(String subscriptionNo, long itemId, ItemChange change, String actor) {
        Subscription s = editable(subscriptionNo);
        SubscriptionItem item = activeItem(s, itemId);
        if (change.repeatPrice() == null && change.quantity() == null) {
            throw ApiException.invalid("quantity", "nothing to change: repeatPrice or quantity");
        }
        subscriptions.saveItem(new SubscriptionItem(item.id(), item.productId(), item.productCode(),
                item.productName(), change.repeatPrice() != null ? change.repeatPrice() : item.repeatPrice(),
                change.quantity() != null ? change.quantity() : item.quantity(), item.maxDeliveries(),
                item.deliveriesDone(), false), clock.instant());
        events.changed(s.id(), "items");
        return view(subscriptionNo);
    }

    @Transactional
    public SubscriptionView removeItem(String subscriptionNo, long itemId, String actor) {
        Subscription s = editable(subscriptionNo);
        SubscriptionItem item = activeItem(s, itemId);
        if (subscriptions.items(s.id()).stream().filter(i -> !i.removed()).count() == 1) {
            throw ApiException.conflict("itemId", "the last item cannot be removed: terminate the subscription instead");
        }
        subscriptions.saveItem(new SubscriptionItem(item.id(), item.productId(), item.productCode(),
                item.productName(), item.repeatPrice(), item.quantity(), item.maxDeliveries(), item.deliveriesDone(),
                true), clock.instant());
        events.changed(s.id(), "items");
        return view(subscriptionNo);
    }

    /** SUB-22: copied to every generated order. */
    @Transactional
    public SubscriptionView changeMemo(String subscriptionNo, String memo, String actor) {
        Subscription s = editable(subscriptionNo);
        subscriptions.updateMemo(s.id(), blankToNull(memo), clock.instant());
        events.changed(s.id(), "memo");
        return view(subscriptionNo);
    }

    /** SUB-10: fees are copied unchanged to each generated order unless edited here. */
    @Transactional
    public SubscriptionView changeFees(String subscriptionNo, SubscriptionCommands.FeesInput fees, String actor) {
        Subscription s = editable(subscriptionNo);
        subscriptions.updateFees(s.id(), new Fees(fees.shipping(), fees.payment(), fees.cool()), clock.instant());
        events.changed(s.id(), "fees");
        return view(subscriptionNo);
    }

    /** SUB-20: skip the next delivery, or undo it, until its generation time. */
    @Transactional
    public SubscriptionView skip(String subscriptionNo, boolean skip, String actor) {
        Subscription s = active(subscriptionNo);
        if (!EditWindow.skipChangeable(s.nextGenerationAt(), clock.instant())) {
            throw new ApiException(HttpStatus.CONFLICT, ProblemType.CONFLICT, "反映タイミングを過ぎたためスキップは確定しています"
                    + " / the generation time has passed: the skip can no longer change", null, "SUB-20");
        }
        subscriptions.saveSchedule(s.id(), s.schedule().withSkip(skip), clock.instant());
        events.skipped(s.id(), skip);
        return view(subscriptionNo);
    }

    /** SUB-24: the shop ends an active subscription; it can never be restarted. */
    @Transactional
    public SubscriptionView terminate(String subscriptionNo, String reason, String actor) {
        Subscription s = active(subscriptionNo);
        subscriptions.end(s.id(), SubscriptionStatus.CANCELLED, clock.instant(),
                "terminated by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason));
        lifecycle.terminated(s.subscriptionNo());
        events.ended(s.id());
        return view(subscriptionNo);
    }

    // ---- checks ------------------------------------------------------------------------------------

    Subscription find(String subscriptionNo) {
        return subscriptions.find(shops.current().id(), subscriptionNo)
                .orElseThrow(() -> ApiException.notFound("subscription " + subscriptionNo, "subscriptionNo"));
    }

    /** Locked for the rest of the transaction, and still running (SUB-24). */
    Subscription active(String subscriptionNo) {
        Subscription s = subscriptions.lock(find(subscriptionNo).id());
        if (!s.status().isActive()) {
            throw new ApiException(HttpStatus.CONFLICT, ProblemType.CONFLICT, "定期購入 " + subscriptionNo
                    + " は終了しています / the subscription has ended (" + s.status() + ") and cannot be changed or "
                    + "restarted", "subscriptionNo", "SUB-24");
        }
        return s;
    }

    /** Active and not on its generation day (SUB-21). */
    Subscription editable(String subscriptionNo) {
        Subscription s = active(subscriptionNo);
        SubscriptionSettings config = settings.get(s.shopId());
        if (EditWindow.lockedForEdits(s.nextGenerationAt(), clock.instant(), config.timing())) {
            throw new ApiException(HttpStatus.CONFLICT, ProblemType.CONFLICT, "受注反映日のため、反映が終わるまで変更できません"
                    + " / today is the generation day: edits are possible after the generation has run ("
                    + s.nextGenerationAt() + ")", null, "SUB-21");
        }
        return s;
    }

    static DeliveryCycle cycle(CycleInput input, LocalDate anchor, String field) {
        if (input.kind() == DeliveryCycle.Kind.MONTHLY) {
            if (input.day() == null || input.intervalDays() != null) {
                throw ApiException.invalid(field + ".day", "MONTHLY needs day (1-31, 0 = month end) and no intervalDays");
            }
            return DeliveryCycle.monthly(input.day());
        }
        if (input.intervalDays() == null || input.day() != null) {
            throw ApiException.invalid(field + ".intervalDays", "INTERVAL needs intervalDays and no day");
        }
        return DeliveryCycle.everyNDays(input.intervalDays(), anchor);
    }

    /** SUB-3 (checkout) / SUB-26 (my-page): only the kinds and N range the shop enabled. */
    static void checkCycleAllowed(SubscriptionSettings config, DeliveryCycle cycle, String field, String rule) {
        if (cycle.kind() == DeliveryCycle.Kind.MONTHLY && !config.monthlyCycleEnabled()) {
            throw ApiException.rule(rule, field + ".kind", "毎月指定日の配送は選べません / monthly delivery is not offered");
        }
        if (cycle.kind() == DeliveryCycle.Kind.INTERVAL) {
            if (!config.intervalCycleEnabled()) {
                throw ApiException.rule(rule, field + ".kind", "日数ごとの配送は選べません / every-N-days is not offered");
            }
            if ((config.intervalMinDays() != null && cycle.intervalDays() < config.intervalMinDays())
                    || (config.intervalMaxDays() != null && cycle.intervalDays() > config.intervalMaxDays())) {
                throw ApiException.rule(rule, field + ".intervalDays", "選択可能日数は " + config.intervalMinDays()
                        + "〜" + config.intervalMaxDays() + " 日です / N must be within the shop's range");
            }
        }
    }

    private Carrier carrier(Shop shop, String code, String field) {
        return shops.carrier(shop.id(), code)
                .orElseThrow(() -> ApiException.invalid(field, "unknown carrier '" + code + "'"));
    }

    private void checkTimeSlot(Carrier carrier, String slot, String field) {
        if (slot != null && !slot.isBlank() && !shops.timeSlotExists(carrier.id(), slot)) {
            throw ApiException.invalid(field, "unknown time slot '" + slot + "' for " + carrier.code());
        }
    }

    private Product subscriptionProduct(Shop shop, String code, String field) {
        Product p = catalog.product(shop.id(), code)
                .orElseThrow(() -> ApiException.invalid(field, "unknown product '" + code + "'"));
        if (!p.subscriptionEnabled() || p.firstPrice() == null || p.repeatPrice() == null) {
            throw ApiException.rule("SUB-8", field, "商品 " + code + " は定期購入に対応していません / not a subscription product");
        }
        return p;
    }

    /** SUB-17, SUB-27. */
    void checkPayment(Shop shop, Carrier carrier, PaymentMethodCode method, Long memberId, long firstOrderTotal,
                      String field) {
        if (!paymentMethods.subscriptionMayUse(shop.id(), carrier == null ? null : carrier.id(), method)) {
            throw ApiException.rule("SUB-17", field, "支払方法 " + method + " は定期購入で使えないか、配送方法が対応していません"
                    + " / not enabled for subscriptions or not supported by the carrier");
        }
        if (firstOrderTotal == 0
                && !paymentMethods.subscriptionMayUse(shop.id(), carrier == null ? null : carrier.id(), method, true)) {
            throw ApiException.rule("SUB-17", field, "初回注文が0円のためカード・NP後払いは選べません"
                    + " / card and NP deferred payment cannot pay a 0-yen first order");
        }
        // SUB-27: a card of that method's gateway (an SBPS card does not pay ZEUS_CARD)
        cards.requireCardFor(memberId, method.name(), field);
    }

    private SubscriptionItem activeItem(Subscription s, long itemId) {
        return subscriptions.items(s.id()).stream().filter(i -> i.id() == itemId && !i.removed()).findFirst()
                .orElseThrow(() -> ApiException.notFound("item " + itemId + " of subscription " + s.subscriptionNo(),
                        "itemId"));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
