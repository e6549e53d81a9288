package jp.cartflow.subscription;

import jp.cartflow.member.Members;
import jp.cartflow.member.Recipient;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.inventory.catalog.Product;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Carrier;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.subscription.SubscriptionCommands.AddressChange;
import jp.cartflow.subscription.SubscriptionCommands.CycleInput;
import jp.cartflow.subscription.SubscriptionCommands.ItemAdd;
import jp.cartflow.subscription.SubscriptionCommands.ItemChange;
import jp.cartflow.subscription.domain.CheckoutRules;
import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.subscription.domain.EditWindow;
import jp.cartflow.subscription.domain.Fees;
import jp.cartflow.subscription.domain.Schedule;
import jp.cartflow.subscription.domain.SubscriptionItem;
import jp.cartflow.subscription.domain.SubscriptionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

import static jp.cartflow.subscription.SubscriptionChecks.blankToNull;

/**
 * The shop's changes to a running subscription (SUB-10/16/17/18/20/22/24/26/27/32), also used by my-page within
 * what the shop allows there. Each change locks the subscription, runs in one transaction with the engine and
 * returns the subscription as it is now; a refused change throws {@link DomainException} and writes nothing.
 */
@Service
class SubscriptionChanges {

    private final ShopDirectory shops;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionSettingsRepository settings;
    private final SubscriptionQueries queries;
    private final SubscriptionChecks checks;
    private final Members members;
    private final SubscriptionLifecycle lifecycle;
    private final OrderRepository orders;
    private final Clock clock;
    private final SubscriptionEvents events;

    SubscriptionChanges(ShopDirectory shops, SubscriptionRepository subscriptions,
                        SubscriptionSettingsRepository settings, SubscriptionQueries queries, SubscriptionChecks checks,
                        Members members, SubscriptionLifecycle lifecycle, OrderRepository orders, Clock clock,
                        SubscriptionEvents events) {
        this.shops = shops;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.queries = queries;
        this.checks = checks;
        this.members = members;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.clock = clock;
        this.events = events;
    }

    /** SUB-16: any monthly day or any N (the shop is not limited by the checkout settings), carrier, time slot. */
    @Transactional
    public SubscriptionView changeDelivery(String subscriptionNo, CycleInput cycleInput, String carrierCode,
                                           String timeSlotCode, boolean checkoutLimits, String actor) {
        Subscription s = editable(subscriptionNo);
        Shop shop = shops.byId(s.shopId());
        SubscriptionSettings config = settings.get(s.shopId());
        if (cycleInput == null && carrierCode == null && timeSlotCode == null) {
            throw DomainException.invalid("cycle", "nothing to change: cycle, carrierCode or timeSlotCode");
        }
        Long carrierId = s.carrierId();
        if (carrierCode != null) {
            // SUB-16: the carrier change does not check payment compatibility; fees are not recalculated
            carrierId = checks.carrier(shop, carrierCode, "carrierCode").id();
        }
        String slot = timeSlotCode != null ? blankToNull(timeSlotCode) : (carrierCode != null ? null : s.timeSlotCode());
        if (slot != null) {
            if (carrierId == null || !shops.timeSlotExists(carrierId, slot)) {
                throw DomainException.invalid("timeSlotCode", "unknown time slot '" + slot + "' for the carrier");
            }
        }
        Instant now = clock.instant();
        subscriptions.updateDelivery(s.id(), carrierId, slot, now);
        if (cycleInput != null) {
            DeliveryCycle cycle = CheckoutRules.cycle(cycleInput.kind(), cycleInput.day(), cycleInput.intervalDays(),
                    config.timing().today(now), "cycle");
            if (checkoutLimits) {
                config.cycleOffer().check(cycle, "cycle", "SUB-26");
            }
            Schedule changed = s.schedule().withCycle(cycle, s.lastOrderedDelivery(), config.timing(), now);
            subscriptions.saveSchedule(s.id(), changed, now);
            lifecycle.scheduleChanged(s.subscriptionNo());
        }
        events.changed(s.id(), "delivery");
        return queries.view(subscriptionNo);
    }

    /** SUB-17/27: a method enabled for subscriptions and supported by the carrier; card needs a card on file. */
    @Transactional
    public SubscriptionView changePayment(String subscriptionNo, PaymentMethodCode method, String actor) {
        Subscription s = editable(subscriptionNo);
        Shop shop = shops.byId(s.shopId());
        Carrier carrier = s.carrierCode() == null ? null : shops.carrier(shop.id(), s.carrierCode()).orElse(null);
        long firstTotal = s.firstOrderId() == null ? 1 : orders.get(s.firstOrderId()).total();
        checks.payment(shop, carrier, method, s.memberId(), firstTotal, "paymentMethod");
        // SUB-10: the payment fee stays as it is unless edited on the subscription
        subscriptions.updatePayment(s.id(), method, checks.paymentMethodName(shop, method), clock.instant());
        events.changed(s.id(), "payment");
        return queries.view(subscriptionNo);
    }

    /** SUB-26/32: the member's address, another address, or an address-book entry. */
    @Transactional
    public SubscriptionView changeAddress(String subscriptionNo, AddressChange change, String actor) {
        Subscription s = editable(subscriptionNo);
        Recipient recipient = switch (change.kind()) {
            case MEMBER_ADDRESS -> members.member(s.shopId(), s.memberId()).orElseThrow().asRecipient();
            case OTHER_ADDRESS -> {
                if (change.recipient() == null) {
                    throw DomainException.invalid("recipient", "OTHER_ADDRESS needs the recipient");
                }
                yield change.recipient();
            }
            case ADDRESS_BOOK -> {
                if (change.addressBookId() == null) {
                    throw DomainException.invalid("addressBookId", "ADDRESS_BOOK needs addressBookId");
                }
                yield members.addressBookEntry(s.memberId(), change.addressBookId())
                        .orElseThrow(() -> DomainException.notFound("address book entry " + change.addressBookId(),
                                "addressBookId"));
            }
        };
        subscriptions.updateRecipient(s.id(), recipient, clock.instant());
        events.changed(s.id(), "address");
        return queries.view(subscriptionNo);
    }

    /** SUB-18: an added item is priced at the repeat price; its first generated order is its delivery 1. */
    @Transactional
    public SubscriptionView addItem(String subscriptionNo, ItemAdd add, String actor) {
        Subscription s = editable(subscriptionNo);
        Shop shop = shops.byId(s.shopId());
        Product p = checks.subscriptionProduct(shop, add.productCode(), "productCode");
        if (subscriptions.items(s.id()).stream().anyMatch(i -> !i.removed() && i.productCode().equals(p.code()))) {
            throw DomainException.conflict("productCode", "product " + p.code() + " is on the subscription already");
        }
        long price = add.repeatPrice() != null ? add.repeatPrice() : p.repeatPrice();
        subscriptions.insertItem(s.id(), p.id(), p.code(), p.name(), null, price, add.quantity(),
                add.maxDeliveries(), 0, clock.instant());
        events.changed(s.id(), "items");
        return queries.view(subscriptionNo);
    }

    /** SUB-18: repeat price and quantity; never written back to the catalogue (SUB-9). */
    @Transactional
    public SubscriptionView changeItem(String subscriptionNo, long itemId, ItemChange change, String actor) {
        Subscription s = editable(subscriptionNo);
        SubscriptionItem item = activeItem(s, itemId);
        if (change.repeatPrice() == null && change.quantity() == null) {
            throw DomainException.invalid("quantity", "nothing to change: repeatPrice or quantity");
        }
        subscriptions.saveItem(new SubscriptionItem(item.id(), item.productId(), item.productCode(),
                item.productName(), change.repeatPrice() != null ? change.repeatPrice() : item.repeatPrice(),
                change.quantity() != null ? change.quantity() : item.quantity(), item.maxDeliveries(),
                item.deliveriesDone(), false), clock.instant());
        events.changed(s.id(), "items");
        return queries.view(subscriptionNo);
    }

    @Transactional
    public SubscriptionView removeItem(String subscriptionNo, long itemId, String actor) {
        Subscription s = editable(subscriptionNo);
        SubscriptionItem item = activeItem(s, itemId);
        if (subscriptions.items(s.id()).stream().filter(i -> !i.removed()).count() == 1) {
            throw DomainException.conflict("itemId", "the last item cannot be removed: terminate the subscription instead");
        }
        subscriptions.saveItem(new SubscriptionItem(item.id(), item.productId(), item.productCode(),
                item.productName(), item.repeatPrice(), item.quantity(), item.maxDeliveries(), item.deliveriesDone(),
                true), clock.instant());
        events.changed(s.id(), "items");
        return queries.view(subscriptionNo);
    }

    /** SUB-22: copied to every generated order. */
    @Transactional
    public SubscriptionView changeMemo(String subscriptionNo, String memo, String actor) {
        Subscription s = editable(subscriptionNo);
        subscriptions.updateMemo(s.id(), blankToNull(memo), clock.instant());
        events.changed(s.id(), "memo");
        return queries.view(subscriptionNo);
    }

    /** SUB-10: fees are copied unchanged to each generated order unless edited here. */
    @Transactional
    public SubscriptionView changeFees(String subscriptionNo, SubscriptionCommands.FeesInput fees, String actor) {
        Subscription s = editable(subscriptionNo);
        subscriptions.updateFees(s.id(), new Fees(fees.shipping(), fees.payment(), fees.cool()), clock.instant());
        events.changed(s.id(), "fees");
        return queries.view(subscriptionNo);
    }

    /** SUB-20: skip the next delivery, or undo it, until its generation time. */
    @Transactional
    public SubscriptionView skip(String subscriptionNo, boolean skip, String actor) {
        Subscription s = active(subscriptionNo);
        if (!EditWindow.skipChangeable(s.nextGenerationAt(), clock.instant())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "反映タイミングを過ぎたためスキップは確定しています"
                    + " / the generation time has passed: the skip can no longer change", null, "SUB-20");
        }
        subscriptions.saveSchedule(s.id(), s.schedule().withSkip(skip), clock.instant());
        events.skipped(s.id(), skip);
        return queries.view(subscriptionNo);
    }

    /** SUB-24: the shop ends an active subscription; it can never be restarted. */
    @Transactional
    public SubscriptionView terminate(String subscriptionNo, String reason, String actor) {
        Subscription s = active(subscriptionNo);
        subscriptions.end(s.id(), SubscriptionStatus.CANCELLED, clock.instant(),
                "terminated by " + actor + (reason == null || reason.isBlank() ? "" : ": " + reason));
        lifecycle.terminated(s.subscriptionNo());
        events.ended(s.id());
        return queries.view(subscriptionNo);
    }

    // ---- guards ------------------------------------------------------------------------------------

    /** Locked for the rest of the transaction, and still running (SUB-24). */
    private Subscription active(String subscriptionNo) {
        Subscription s = subscriptions.lock(queries.find(subscriptionNo).id());
        if (!s.status().isActive()) {
            throw new DomainException(DomainException.Kind.CONFLICT, "定期購入 " + subscriptionNo
                    + " は終了しています / the subscription has ended (" + s.status() + ") and cannot be changed or "
                    + "restarted", "subscriptionNo", "SUB-24");
        }
        return s;
    }

    /** Active and not on its generation day (SUB-21). */
    private Subscription editable(String subscriptionNo) {
        Subscription s = active(subscriptionNo);
        SubscriptionSettings config = settings.get(s.shopId());
        if (EditWindow.lockedForEdits(s.nextGenerationAt(), clock.instant(), config.timing())) {
            throw new DomainException(DomainException.Kind.CONFLICT, "受注反映日のため、反映が終わるまで変更できません"
                    + " / today is the generation day: edits are possible after the generation has run ("
                    + s.nextGenerationAt() + ")", null, "SUB-21");
        }
        return s;
    }

    private SubscriptionItem activeItem(Subscription s, long itemId) {
        return subscriptions.items(s.id()).stream().filter(i -> i.id() == itemId && !i.removed()).findFirst()
                .orElseThrow(() -> DomainException.notFound("item " + itemId + " of subscription " + s.subscriptionNo(),
                        "itemId"));
    }
}
