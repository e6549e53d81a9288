package jp.cartflow.subscription.domain;

/**
 * An item of a subscription: a copy decoupled from the catalogue (SUB-9), priced at its repeat price on
 * generated orders (SUB-8), with an optional delivery-count limit (配送回数, SUB-19/24).
 */
public record SubscriptionItem(long id, Long productId, String productCode, String productName, long repeatPrice,
                               int quantity, Integer maxDeliveries, int deliveriesDone, boolean removed) {

    public SubscriptionItem {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (repeatPrice < 0) {
            throw new IllegalArgumentException("price must be >= 0");
        }
        if (maxDeliveries != null && maxDeliveries <= 0) {
            throw new IllegalArgumentException("delivery count limit must be positive");
        }
    }

    /** SUB-19: this item was part of a generated order (skips never get here). */
    public SubscriptionItem delivered() {
        int done = deliveriesDone + 1;
        return new SubscriptionItem(id, productId, productCode, productName, repeatPrice, quantity, maxDeliveries,
                done, removed || reachedLimit(done));
    }

    /** SUB-24: a count-limited item leaves the subscription once its count is reached. */
    public boolean reachedLimit(int done) {
        return maxDeliveries != null && done >= maxDeliveries;
    }

    public long lineTotal() {
        return repeatPrice * quantity;
    }
}
