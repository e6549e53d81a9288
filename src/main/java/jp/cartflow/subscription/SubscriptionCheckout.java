package jp.cartflow.subscription;

import jp.cartflow.inventory.catalog.Product;
import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.TemplatedMail;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.member.Member;
import jp.cartflow.member.Members;
import jp.cartflow.member.Recipient;
import jp.cartflow.order.Order;
import jp.cartflow.order.OrderCreation;
import jp.cartflow.order.OrderMailContexts;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Carrier;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.shop.ShopSettings;
import jp.cartflow.subscription.SubscriptionCommands.Checkout;
import jp.cartflow.subscription.SubscriptionCommands.ItemInput;
import jp.cartflow.subscription.domain.CheckoutRules;
import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.subscription.domain.Fees;
import jp.cartflow.subscription.domain.GenerationTiming;
import jp.cartflow.subscription.domain.OrderDraft;
import jp.cartflow.subscription.domain.OrderTermsRules;
import jp.cartflow.subscription.domain.Schedule;
import jp.cartflow.subscription.domain.SubscriptionItem;
import jp.cartflow.subscription.domain.SubscriptionStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static jp.cartflow.subscription.SubscriptionChecks.blankToNull;

/**
 * SUB-1/2: the subscription checkout. Every rule is checked first ({@link CheckoutRules} and the owners' APIs);
 * then the member (for a guest), the subscription, the first order and the lifecycle are written in one
 * transaction with the engine. A refused checkout throws {@link DomainException} and writes nothing.
 * <p>
 * SUB-13: the subscription number is taken before, in a short transaction of its own once the checks passed: the
 * shop's counter row is then locked only for that moment, not for the whole checkout (the process start
 * included), which made concurrent checkouts queue one behind the other (docs/performance.md). A checkout that
 * fails after that point leaves a gap in the numbers; numbers stay unique.
 */
@Service
public class SubscriptionCheckout {

    private final ShopDirectory shops;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionSettingsRepository settings;
    private final SubscriptionOrders subscriptionOrders;
    private final SubscriptionChecks checks;
    private final Members members;
    private final ShopSettings shopSettings;
    private final SubscriptionLifecycle lifecycle;
    private final OrderRepository orders;
    private final OrderMailContexts mailContexts;
    private final Mails mails;
    private final Clock clock;
    private final SubscriptionEvents events;
    private final OrderTermsRules termsRules;
    private final TransactionTemplate numbering;
    private final TransactionTemplate writing;

    SubscriptionCheckout(ShopDirectory shops, SubscriptionRepository subscriptions,
                         SubscriptionSettingsRepository settings, SubscriptionOrders subscriptionOrders,
                         SubscriptionChecks checks, Members members, ShopSettings shopSettings,
                         SubscriptionLifecycle lifecycle, OrderRepository orders, OrderMailContexts mailContexts,
                         Mails mails, Clock clock, SubscriptionEvents events, OrderTermsRules termsRules,
                         PlatformTransactionManager transactions) {
        this.shops = shops;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.subscriptionOrders = subscriptionOrders;
        this.checks = checks;
        this.members = members;
        this.shopSettings = shopSettings;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.mailContexts = mailContexts;
        this.mails = mails;
        this.clock = clock;
        this.events = events;
        this.termsRules = termsRules;
        this.numbering = new TransactionTemplate(transactions);
        this.numbering.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writing = new TransactionTemplate(transactions);
    }

    public record Created(String subscriptionNo, String firstOrderNo, long firstOrderTotal, long memberId,
                          LocalDate nextDeliveryDate, Instant nextGenerationAt, String processInstanceId) {
    }

    /** What the checks found, ready to be written. {@code member} is null for a guest who registers now. */
    private record Checked(Shop shop, SubscriptionSettings config, DeliveryCycle cycle, Carrier carrier,
                           List<Product> products, Member member, OrderDraft draft, long pointsUsed) {
    }

    /**
     * SUB-1/2: a completed subscription checkout creates the member (for a guest), the first order (delivery 1,
     * first-delivery prices) and the subscription, and starts its lifecycle — all or nothing.
     */
    public Created create(Checkout c, String actor) {
        Instant now = clock.instant();
        // refused input throws here, before a number is taken
        String no = numbering.execute(status -> {
            Checked k = check(c, now);
            return settings.allocateNumber(k.shop().id(), k.config().timing().today(now));
        });
        // checked again in the writing transaction: what was read above may have changed in between
        return writing.execute(status -> place(c, check(c, now), actor, now, no));
    }

    private Checked check(Checkout c, Instant now) {
        Shop shop = shops.current();
        SubscriptionSettings config = settings.get(shop.id());
        CheckoutRules.requireOpen(config.enabled(), config.newSubscriptionsStopped());
        GenerationTiming timing = config.timing();
        DeliveryCycle cycle = CheckoutRules.cycle(c.cycle().kind(), c.cycle().day(), c.cycle().intervalDays(),
                c.firstDeliveryDate(), "cycle");
        config.cycleOffer().check(cycle, "cycle", "SUB-3");
        CheckoutRules.requireFirstDeliveryNotPast(c.firstDeliveryDate(), timing.today(now));
        Carrier carrier = checks.carrier(shop, c.carrierCode(), "carrierCode");
        checks.timeSlot(carrier, c.timeSlotCode(), "timeSlotCode");
        List<OrderDraft.Line> lines = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            ItemInput item = c.items().get(i);
            Product product = checks.subscriptionProduct(shop, item.productCode(), "items[" + i + "].productCode");
            products.add(product);
            lines.add(new OrderDraft.Line(product.id(), product.code(), product.name(), product.firstPrice(),
                    item.quantity()));
        }
        CheckoutRules.requireDistinctProducts(products.stream().map(Product::code).toList());
        Member member = buyer(shop, c);
        Fees fees = new Fees(c.fees().shipping(), c.fees().payment(), c.fees().cool());
        long pointsUsed = c.pointsUsed() == null ? 0 : c.pointsUsed();
        OrderDraft draft = OrderDraft.first(lines, fees, config.terms(), pointsUsed, c.memo(), termsRules);
        checks.payment(shop, carrier, c.paymentMethod(), member == null ? null : member.id(), draft.total(),
                "paymentMethod");
        if (pointsUsed > 0 && !config.pointsUsableAtCheckout()) {
            throw DomainException.rule("SUB-12", "pointsUsed", "ポイント利用は無効です / the shop does not take points at checkout");
        }
        CheckoutRules.requirePointsAvailable(pointsUsed,
                pointsUsed > 0 && member != null ? Long.valueOf(members.points(member.id())) : null);
        return new Checked(shop, config, cycle, carrier, products, member, draft, pointsUsed);
    }

    /** SUB-1: the existing member, or null for a guest whose registration is valid and whose login id is free. */
    private Member buyer(Shop shop, Checkout c) {
        CheckoutRules.Buyer buyer = CheckoutRules.buyer(c.memberId() != null, c.newMember() != null,
                c.recipient() != null);
        if (buyer == CheckoutRules.Buyer.MEMBER) {
            return members.member(shop.id(), c.memberId())
                    .orElseThrow(() -> DomainException.notFound("member " + c.memberId(), "memberId"));
        }
        if (members.loginIdTaken(shop.id(), c.newMember().loginId())) {
            throw DomainException.conflict("newMember.loginId", "login id already registered");
        }
        return null;
    }

    /** Everything checked: write the member, the subscription, the first order, and start the lifecycle. */
    private Created place(Checkout c, Checked k, String actor, Instant now, String no) {
        Shop shop = k.shop();
        GenerationTiming timing = k.config().timing();
        long memberId = k.member() != null ? k.member().id() : members.register(shop.id(), c.newMember().loginId(),
                c.newMember().email(), c.recipient(), shopSettings.registrationPoints(shop.id()), now);
        // the member read by the checks of this transaction, or the one registered just now
        Member member = k.member() != null ? k.member() : members.member(shop.id(), memberId).orElseThrow();
        Recipient recipient = c.recipient() != null ? c.recipient() : member.asRecipient();
        Schedule schedule = Schedule.afterCheckout(k.cycle(), k.config().leadDays(), c.firstDeliveryDate(), timing, now);
        Fees fees = new Fees(c.fees().shipping(), c.fees().payment(), c.fees().cool());
        String methodName = checks.paymentMethodName(shop, c.paymentMethod());
        long id = subscriptions.insert(new SubscriptionRepository.NewSubscription(shop.id(), no, memberId,
                k.carrier().id(), blankToNull(c.timeSlotCode()), c.paymentMethod(), methodName, recipient, c.memo(),
                fees, now), schedule);
        for (int i = 0; i < k.products().size(); i++) {
            Product p = k.products().get(i);
            ItemInput item = c.items().get(i);
            // SUB-19: the first order is delivery 1 of every item present at checkout
            subscriptions.insertItem(id, p.id(), p.code(), p.name(), p.firstPrice(), p.repeatPrice(), item.quantity(),
                    item.maxDeliveries() != null ? item.maxDeliveries() : p.maxDeliveries(), 1, now);
        }
        OrderCreation.OrderRef first = subscriptionOrders.placeFirst(new SubscriptionOrders.DeliveryOrder(shop.id(),
                SubscriptionGeneration.orderNo(no, 1), memberId, member.email(), now, recipient, k.draft(),
                c.paymentMethod().name(), methodName, id, no, 1, c.firstDeliveryDate(), k.carrier().id(),
                blankToNull(c.timeSlotCode()), schedule.nextDelivery(), SubscriptionGeneration.scheduleText(schedule)));
        subscriptions.setFirstOrder(id, first.id());
        subscriptions.recordFirstDelivery(id);
        orders.appendEvent(first.id(), actor, "SUBSCRIPTION_CHECKOUT", "定期購入 " + no + " の初回配送分", now);
        List<SubscriptionItem> items = subscriptions.items(id);
        boolean ended = items.stream().allMatch(SubscriptionItem::removed);
        if (ended) {
            subscriptions.end(id, SubscriptionStatus.ENDED, now, "all count-limited items delivered (SUB-24)");
        }
        // as written: from here on only the process instance id of the row changes
        Subscription created = events.created(id, items, first.orderNo());
        if (ended) {
            events.ended(id);
        }
        String instance = lifecycle.start(id, no);
        subscriptions.setProcessInstance(id, instance);
        queueThanksMail(shop, first.id(), member.email());
        return new Created(no, first.orderNo(), k.draft().total(), memberId, created.nextDeliveryDate(),
                created.nextGenerationAt(), instance);
    }

    /** SUB-30: the thanks mail of the checkout (sent by the outbox dispatcher). */
    private void queueThanksMail(Shop shop, long orderId, String email) {
        Order order = orders.get(orderId);
        mails.queue(TemplatedMail.of(shop.id(), TemplateKey.SUBSCRIPTION_THANKS,
                mailContexts.forOrder(shop, order, true), Sender.shop(shop), List.of(email)).aboutOrder(orderId));
    }
}
