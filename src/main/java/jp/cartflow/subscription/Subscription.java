package jp.cartflow.subscription;

import jp.cartflow.member.Recipient;
import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.subscription.domain.Fees;
import jp.cartflow.subscription.domain.LeadTime;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.domain.Schedule;
import jp.cartflow.subscription.domain.SubscriptionStatus;

import java.time.Instant;
import java.time.LocalDate;

/** A subscription record (定期購入データ) as stored. */
record Subscription(long id, long shopId, String subscriptionNo, long memberId, SubscriptionStatus status,
                           DeliveryCycle cycle, LeadTime lead, Long carrierId, String carrierCode, String timeSlotCode,
                           PaymentMethodCode paymentMethod, Recipient recipient, String memo, Fees fees,
                           LocalDate nextDeliveryDate, Instant nextGenerationAt, boolean skipNext,
                           Instant lastGeneratedAt, LocalDate lastDeliveryDate, int deliveriesGenerated,
                           Long firstOrderId, LocalDate firstDeliveryDate, Instant startedAt, Instant endedAt,
                           String endReason, String processInstanceId) {

    public Schedule schedule() {
        return new Schedule(cycle, lead, nextDeliveryDate, nextGenerationAt, skipNext);
    }

    /** The last delivery that became an order (the first order's when none was generated yet). */
    public LocalDate lastOrderedDelivery() {
        return lastDeliveryDate != null ? lastDeliveryDate : firstDeliveryDate;
    }
}
