package jp.cartflow.subscription;

import jp.cartflow.subscription.domain.CycleOffer;
import jp.cartflow.subscription.domain.GenerationTiming;
import jp.cartflow.subscription.domain.NumberingRule;
import jp.cartflow.subscription.domain.ShopTerms;

import java.time.LocalTime;

/** A shop's subscription settings (定期購入設定): SUB-3/4/5/9/11/12/13/14/26/29/31. */
record SubscriptionSettings(long shopId, boolean enabled, boolean newSubscriptionsStopped, int leadDays,
                                   LocalTime generationTime, boolean authorizeAtGeneration, boolean decrementStock,
                                   boolean monthlyCycleEnabled, boolean intervalCycleEnabled, Integer intervalMinDays,
                                   Integer intervalMaxDays, boolean perkFreeShipping, long perkShippingDiscount,
                                   boolean perkFreePaymentFee, boolean pointsEnabled, int pointsRateYen,
                                   NumberingRule numbering, Long numberingInitial, long numberingNext,
                                   boolean mypageChangeCycle, boolean mypageChangePayment,
                                   boolean mypageChangeAddress, boolean cardExpiryReminderAuto,
                                   int cardExpiryWindowDays, boolean pointsUsableAtCheckout) {

    public ShopTerms terms() {
        return new ShopTerms(perkFreeShipping, perkShippingDiscount, perkFreePaymentFee, pointsEnabled, pointsRateYen,
                decrementStock);
    }

    /** SUB-3/26: the cycles offered at checkout and on my-page. */
    public CycleOffer cycleOffer() {
        return new CycleOffer(monthlyCycleEnabled, intervalCycleEnabled, intervalMinDays, intervalMaxDays);
    }

    public GenerationTiming timing() {
        return new GenerationTiming(generationTime, GenerationTiming.TOKYO);
    }
}
