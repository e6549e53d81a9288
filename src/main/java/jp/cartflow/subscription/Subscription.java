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

/**
 * A subscription record (定期購入データ) as stored. {@code paymentMethodName} is the shop's name of the method when it
 * was chosen (checkout or the last payment change); renaming the method does not change it.
 */
record Subscription(long id, long shopId, String subscriptionNo, long memberId, SubscriptionStatus status,
                           DeliveryCycle cycle, LeadTime lead, Long carrierId, String carrierCode, String timeSlotCode,
                           PaymentMethodCode paymentMethod, String paymentMethodName, Recipient recipient,
                           String memo, Fees fees,
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
