package jp.cartflow.subscription.domain;

/**
 * The shop's perks (SUB-11) and points (SUB-12) on an order of a subscription. Analysts keep them as decision
 * tables (bpmn/SubscriptionPerks.dmn, bpmn/SubscriptionPoints.dmn) evaluated by the engine; the domain asks
 * through this port and stays engine-free.
 */
public interface OrderTermsRules {

    /** The fees charged after the perks. */
    record Charged(long shippingFee, long paymentFee) {
    }

    /** SUB-11: free shipping or shipping less the discount (never below 0); payment fee free. */
    Charged perks(ShopTerms terms, long shippingFee, long paymentFee);

    /** SUB-12: the points earned on {@code amount} after {@code pointsUsed}. */
    long points(ShopTerms terms, long amount, long pointsUsed);
}
