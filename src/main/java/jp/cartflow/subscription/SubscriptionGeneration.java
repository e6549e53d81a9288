package jp.cartflow.subscription;

import jp.cartflow.member.Member;
import jp.cartflow.member.Members;
import jp.cartflow.order.OrderCreation;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.subscription.domain.GenerationTiming;
import jp.cartflow.subscription.domain.OrderDraft;
import jp.cartflow.subscription.domain.OrderTermsRules;
import jp.cartflow.subscription.domain.Schedule;
import jp.cartflow.subscription.domain.SubscriptionItem;
import jp.cartflow.subscription.domain.SubscriptionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the next delivery of a subscription into an order (SUB-4), exactly once. Runs inside the engine's
 * transaction of the generation job: the order rows, the item counts and the next schedule commit together with
 * the process state, or not at all.
 */
@Service
public class SubscriptionGeneration {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionGeneration.class);
    public static final String ACTOR = "subscription";

    private final SubscriptionRepository subscriptions;
    private final SubscriptionSettingsRepository settings;
    private final SubscriptionOrders orders;
    private final Members members;
    private final OrderRepository orderEvents;
    private final Clock clock;
    private final SubscriptionEvents events;
    private final OrderTermsRules termsRules;

    public SubscriptionGeneration(SubscriptionRepository subscriptions, SubscriptionSettingsRepository settings,
                                  SubscriptionOrders orders, Members members, OrderRepository orderEvents,
                                  Clock clock, SubscriptionEvents events, OrderTermsRules termsRules) {
        this.events = events;
        this.termsRules = termsRules;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.orders = orders;
        this.members = members;
        this.orderEvents = orderEvents;
        this.clock = clock;
    }

    public enum Result {
        /** An order was created. */
        GENERATED,
        /** The delivery was skipped (SUB-20); the schedule moved on. */
        SKIPPED,
        /** The subscription is not active (ended or terminated meanwhile): nothing happens. */
        ENDED,
        /** This slot was processed already (a retried or duplicated job): nothing happens. */
        DUPLICATE
    }

    /**
     * What a generation did. {@code nextGenerationAt} is the next generation time it stored (null when the
     * subscription ended or nothing was changed), so that the loop can arm its timer without reading it back.
     */
    public record Outcome(Result result, Long orderId, String orderNo, boolean authorize, boolean ended,
                          Instant nextGenerationAt) {
    }

    /** When the next generation is due; for a subscription that is no longer active: now (the guard ends it). */
    @Transactional(readOnly = true)
    public Instant nextGenerationAt(long subscriptionId) {
        Subscription s = subscriptions.get(subscriptionId);
        return s.status().isActive() && s.nextGenerationAt() != null ? s.nextGenerationAt() : clock.instant();
    }

    /**
     * Generates the delivery scheduled for {@code slot} (the generation time the waiting timer was armed with).
     * The state is checked at execution time under the subscription's row lock.
     */
    @Transactional
    public Outcome generate(long subscriptionId, Instant slot) {
        Subscription s = subscriptions.lock(subscriptionId);
        if (!s.status().isActive()) {
            log.info("Subscription {} is {}: no generation", s.subscriptionNo(), s.status());
            return new Outcome(Result.ENDED, null, null, false, true, null);
        }
        if (s.nextGenerationAt() == null || slot == null
                || !s.nextGenerationAt().truncatedTo(ChronoUnit.MILLIS).equals(slot.truncatedTo(ChronoUnit.MILLIS))) {
            log.warn("Subscription {}: generation for {} is stale (scheduled now: {}); discarded",
                    s.subscriptionNo(), slot, s.nextGenerationAt());
            return new Outcome(Result.DUPLICATE, null, null, false, false, null);
        }
        SubscriptionSettings shop = settings.get(s.shopId());
        GenerationTiming timing = shop.timing();
        Instant now = clock.instant();
        Schedule next = s.schedule().afterProcessing(timing, now);
        if (s.skipNext()) {
            subscriptions.saveSchedule(s.id(), next, now);
            log.info("Subscription {}: delivery of {} skipped (SUB-20)", s.subscriptionNo(), s.nextDeliveryDate());
            return new Outcome(Result.SKIPPED, null, null, false, false, next.nextGenerationAt());
        }
        int index = s.deliveriesGenerated() + 1;
        var existing = orders.forDelivery(s.id(), index);
        if (existing.isPresent()) {
            log.warn("Subscription {}: delivery {} exists already as order {}", s.subscriptionNo(), index,
                    existing.get().orderNo());
            return new Outcome(Result.DUPLICATE, existing.get().id(), existing.get().orderNo(), false, false, null);
        }
        List<SubscriptionItem> items = subscriptions.items(s.id()).stream().filter(i -> !i.removed()).toList();
        if (items.isEmpty()) {
            subscriptions.end(s.id(), SubscriptionStatus.ENDED, now, "no items left (SUB-24)");
            events.ended(s.id());
            return new Outcome(Result.ENDED, null, null, false, true, null);
        }
        OrderDraft draft = OrderDraft.generated(items, s.fees(), shop.terms(), s.memo(), termsRules);
        List<SubscriptionItem> after = new ArrayList<>();
        for (SubscriptionItem item : items) {
            SubscriptionItem delivered = item.delivered();
            subscriptions.saveItem(delivered, now);
            if (!delivered.removed()) {
                after.add(delivered);
            }
        }
        boolean ended = after.isEmpty();
        Member member = members.member(s.shopId(), s.memberId()).orElseThrow();
        LocalDate nextDate = ended ? null : next.nextDelivery();
        OrderCreation.OrderRef order = orders.generate(new SubscriptionOrders.DeliveryOrder(s.shopId(),
                orderNo(s.subscriptionNo(), index), s.memberId(), member.email(), now, s.recipient(), draft,
                s.paymentMethod().name(), s.paymentMethodName(), s.id(), s.subscriptionNo(), index,
                s.nextDeliveryDate(), s.carrierId(), s.timeSlotCode(), nextDate,
                ended ? "最終回 / last delivery" : scheduleText(next)));
        subscriptions.recordGeneration(s.id(), now, s.nextDeliveryDate());
        if (ended) {
            subscriptions.end(s.id(), SubscriptionStatus.ENDED, now, "all count-limited items delivered (SUB-24)");
            events.ended(s.id());
        } else {
            subscriptions.saveSchedule(s.id(), next, now);
        }
        orderEvents.appendEvent(order.id(), ACTOR, "SUBSCRIPTION_ORDER_GENERATED", "定期購入 " + s.subscriptionNo()
                + " の " + index + "回目 (お届け " + s.nextDeliveryDate() + ")", now);
        boolean authorize = shop.authorizeAtGeneration() && s.paymentMethod().authorizable() && draft.total() > 0;
        return new Outcome(Result.GENERATED, order.id(), order.orderNo(), authorize, ended,
                ended ? null : next.nextGenerationAt());
    }

    static String orderNo(String subscriptionNo, int deliveryIndex) {
        return subscriptionNo + "-" + String.format("%03d", deliveryIndex);
    }

    /** SUB-23: the next delivery schedule as printed on the order, the delivery slip and the invoice. */
    static String scheduleText(Schedule schedule) {
        return schedule.cycle().describe() + " 次回お届け予定日 " + schedule.nextDelivery();
    }
}
