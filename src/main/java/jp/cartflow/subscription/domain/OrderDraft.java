package jp.cartflow.subscription.domain;

import java.util.List;

/**
 * What an order of a subscription consists of, computed without any I/O: lines at the subscription's prices
 * (first price on the first order, repeat price after, SUB-8), fees copied (SUB-10) with perks (SUB-11), points
 * (SUB-12), memo (SUB-22).
 */
public record OrderDraft(List<Line> lines, long subtotal, long shippingFee, long paymentFee, long coolFee,
                         long pointsUsed, long total, long pointsEarned, String memo) {

    public record Line(Long productId, String productCode, String productName, long unitPrice, int quantity) {
    }

    /** A generated order (delivery 2, 3 …): the items still on the subscription at their repeat price. */
    public static OrderDraft generated(List<SubscriptionItem> items, Fees fees, ShopTerms terms, String memo,
                                       OrderTermsRules rules) {
        List<Line> lines = items.stream().filter(i -> !i.removed())
                .map(i -> new Line(i.productId(), i.productCode(), i.productName(), i.repeatPrice(), i.quantity()))
                .toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException("a subscription without items generates no order");
        }
        return of(lines, fees, terms, 0, memo, rules);
    }

    /** The first order of a checkout (SUB-2): first-delivery prices, points used are deducted (SUB-12). */
    public static OrderDraft first(List<Line> lines, Fees fees, ShopTerms terms, long pointsUsed, String memo,
                                   OrderTermsRules rules) {
        return of(lines, fees, terms, pointsUsed, memo, rules);
    }

    private static OrderDraft of(List<Line> lines, Fees fees, ShopTerms terms, long pointsUsed, String memo,
                                 OrderTermsRules rules) {
        long subtotal = lines.stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum();
        OrderTermsRules.Charged charged = rules.perks(terms, fees.shipping(), fees.payment());
        long shipping = charged.shippingFee();
        long payment = charged.paymentFee();
        long gross = subtotal + shipping + payment + fees.cool();
        long used = Math.min(pointsUsed, gross);
        long total = gross - used;
        return new OrderDraft(List.copyOf(lines), subtotal, shipping, payment, fees.cool(), used, total,
                rules.points(terms, gross, used), memo);
    }
}
