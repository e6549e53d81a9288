package jp.cartflow.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.cartflow.order.OrderQueries;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The subscription detail's orders: the first order and every order generated since (受注一覧に反映された受注). */
@RestController
@Tag(name = "Subscriptions")
class SubscriptionOrdersController {

    private final SubscriptionRepository subscriptions;
    private final OrderQueries orders;
    private final ShopDirectory shops;

    SubscriptionOrdersController(SubscriptionRepository subscriptions, OrderQueries orders, ShopDirectory shops) {
        this.subscriptions = subscriptions;
        this.orders = orders;
        this.shops = shops;
    }

    @GetMapping("/api/subscriptions/{subscriptionNo}/orders")
    @Operation(summary = "The orders of the subscription, delivery 1 first, as rows of the order list",
            description = "The subscription's orders, delivery 1 first, as rows of the order list. Rules: SUB-19, SUB-33.")
    public List<OrderQueries.Row> orders(@PathVariable String subscriptionNo) {
        long shopId = shops.current().id();
        Subscription s = subscriptions.find(shopId, subscriptionNo)
                .orElseThrow(() -> ApiException.notFound("subscription " + subscriptionNo, "subscriptionNo"));
        return orders.ofSubscription(shopId, s.id());
    }
}
