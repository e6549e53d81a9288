package jp.cartflow.subscription.domain;

/**
 * The shop settings that shape a subscription order: perks (SUB-11), points (SUB-12) and the stock option
 * (SUB-9 beyond).
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

    /** SUB-11: free shipping, or shipping less X yen, never below 0. */
    public long shipping(long fee) {
        return freeShipping ? 0 : Math.max(0, fee - shippingDiscount);
    }

    /** SUB-11: payment fee free. */
    public long paymentFee(long fee) {
        return freePaymentFee ? 0 : fee;
    }

    /** SUB-12: X yen = 1 point on (amount − points used), rounded down; per-item rates are ignored. */
    public long points(long amount, long pointsUsed) {
        return pointsEnabled ? Math.max(0, amount - pointsUsed) / pointsRateYen : 0;
    }
}
