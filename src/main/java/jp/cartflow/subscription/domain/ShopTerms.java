package jp.cartflow.subscription.domain;

/**
 * The shop settings that shape a subscription order: perks (SUB-11), points (SUB-12) and the stock option
 * (SUB-9 beyond). What they do to an order is decided by {@link OrderTermsRules} (decision tables).
 */
public record ShopTerms(boolean freeShipping, long shippingDiscount, boolean freePaymentFee, boolean pointsEnabled,
                        int pointsRateYen, boolean decrementStock) {

    public ShopTerms {
        if (shippingDiscount < 0 || pointsRateYen <= 0) {
            throw new IllegalArgumentException("discount >= 0 and points rate > 0 required");
        }
    }

    public static ShopTerms none() {
        return new ShopTerms(false, 0, false, false, 100, false);
    }
}
