package jp.cartflow.subscription;

import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.subscription.domain.SubscriptionItem;
import jp.cartflow.subscription.domain.SubscriptionStatus;
import jp.cartflow.subscription.events.SubscriptionChanged;
import jp.cartflow.subscription.events.SubscriptionCreated;
import jp.cartflow.subscription.events.SubscriptionEnded;
import jp.cartflow.subscription.events.SubscriptionFacts;
import jp.cartflow.subscription.events.SubscriptionSkipped;
import jp.cartflow.subscription.events.SubscriptionTerminated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * Publishes the subscription events (jp.cartflow.subscription.events) in the caller's transaction, with the
 * subscription as it is after the change (read back from the repository).
 */
@Component
class SubscriptionEvents {

    private final SubscriptionRepository subscriptions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    SubscriptionEvents(SubscriptionRepository subscriptions, ApplicationEventPublisher publisher, Clock clock) {
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** {@code items}: the subscription's items as they are now; returns the subscription as read for the event. */
    Subscription created(long subscriptionId, List<SubscriptionItem> items, String firstOrderNo) {
        Subscription s = subscriptions.get(subscriptionId);
        publisher.publishEvent(new SubscriptionCreated(s.id(), s.shopId(), s.subscriptionNo(), s.memberId(),
                firstOrderNo, facts(s, items), clock.instant()));
        return s;
    }

    /** {@code what}: delivery, payment, address, items, memo or fees. */
    void changed(long subscriptionId, String what) {
        Subscription s = subscriptions.get(subscriptionId);
        publisher.publishEvent(new SubscriptionChanged(s.id(), s.shopId(), s.subscriptionNo(), s.memberId(),
                List.of(what), facts(s), clock.instant()));
    }

    void skipped(long subscriptionId, boolean skipped) {
        Subscription s = subscriptions.get(subscriptionId);
        publisher.publishEvent(new SubscriptionSkipped(s.id(), s.shopId(), s.subscriptionNo(), s.memberId(), skipped,
                s.nextDeliveryDate(), facts(s), clock.instant()));
    }

    /** After {@link SubscriptionRepository#end}: terminated by the shop (CANCELLED) or ended by itself (ENDED). */
    void ended(long subscriptionId) {
        Subscription s = subscriptions.get(subscriptionId);
        publisher.publishEvent(s.status() == SubscriptionStatus.CANCELLED
                ? new SubscriptionTerminated(s.id(), s.shopId(), s.subscriptionNo(), s.memberId(), s.endReason(),
                        facts(s), clock.instant())
                : new SubscriptionEnded(s.id(), s.shopId(), s.subscriptionNo(), s.memberId(), s.endReason(),
                        facts(s), clock.instant()));
    }

    private SubscriptionFacts facts(Subscription s) {
        return facts(s, subscriptions.items(s.id()));
    }

    private static SubscriptionFacts facts(Subscription s, List<SubscriptionItem> all) {
        DeliveryCycle cycle = s.cycle();
        boolean monthly = cycle.kind() == DeliveryCycle.Kind.MONTHLY;
        List<SubscriptionFacts.Item> items = all.stream().filter(i -> !i.removed())
                .map(SubscriptionEvents::item).toList();
        return new SubscriptionFacts(s.status().name(), cycle.kind().name(), monthly ? cycle.monthlyDay() : null,
                monthly ? null : cycle.intervalDays(), s.paymentMethod().name(), s.carrierCode(), s.timeSlotCode(),
                s.nextDeliveryDate(), s.nextGenerationAt(), s.skipNext(), s.deliveriesGenerated(), items);
    }

    private static SubscriptionFacts.Item item(SubscriptionItem i) {
        return new SubscriptionFacts.Item(i.id(), i.productCode(), i.quantity(), i.repeatPrice(), i.maxDeliveries());
    }
}
