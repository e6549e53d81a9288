package jp.cartflow.subscription;

import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.subscription.domain.Schedule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

import static jp.cartflow.subscription.SubscriptionChecks.blankToNull;

/** Reading subscriptions for the shop's backend and my-page: one, a search, the schedule ahead. Writes nothing. */
@Service
class SubscriptionQueries {

    private final ShopDirectory shops;
    private final SubscriptionRepository subscriptions;
    private final SubscriptionSettingsRepository settings;

    SubscriptionQueries(ShopDirectory shops, SubscriptionRepository subscriptions,
                        SubscriptionSettingsRepository settings) {
        this.shops = shops;
        this.subscriptions = subscriptions;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public SubscriptionView view(String subscriptionNo) {
        Subscription s = find(subscriptionNo);
        return SubscriptionView.of(s, subscriptions.items(s.id()));
    }

    @Transactional(readOnly = true)
    public List<SubscriptionView> search(Long memberId, boolean cancelled, String subscriptionNo, int limit) {
        long shopId = shops.current().id();
        return subscriptions.search(shopId, new SubscriptionRepository.Filter(memberId, cancelled,
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

    /** The subscription of the current shop with that number. */
    Subscription find(String subscriptionNo) {
        return subscriptions.find(shops.current().id(), subscriptionNo)
                .orElseThrow(() -> DomainException.notFound("subscription " + subscriptionNo, "subscriptionNo"));
    }
}
