package jp.cartflow.subscription;

import jp.cartflow.member.Recipient;
import io.swagger.v3.oas.annotations.media.Schema;
import jp.cartflow.subscription.domain.SubscriptionItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A subscription as the API shows it; the list fields of SUB-15 included. */
record SubscriptionView(
        String subscriptionNo, long memberId, String status, String cycle, String cycleKind, Integer monthlyDay,
        Integer intervalDays, LocalDate intervalAnchor, int leadDays, Integer pendingLeadDays, String carrierCode,
        String timeSlotCode, String paymentMethod,
        @Schema(description = "the shop's name of the payment method when it was chosen (a rename shows after the "
                + "next payment change)") String paymentMethodName,
        Recipient recipient, String memo, long shippingFee,
        long paymentFee, long coolFee,
        @Schema(description = "SUB-15 受注一覧反映日1: last generation (null until the first generated order)")
        Instant lastGeneratedAt,
        @Schema(description = "SUB-15 配送スケジュール1: delivery date of the last generated order")
        LocalDate lastDeliveryDate,
        @Schema(description = "SUB-15 受注一覧反映日2: next generation") Instant nextGenerationAt,
        @Schema(description = "SUB-15 配送スケジュール2: next delivery date") LocalDate nextDeliveryDate,
        boolean nextDeliverySkipped, int deliveriesGenerated, List<Item> items, Instant startedAt, Instant endedAt,
        String endReason, String processInstanceId) {

    public record Item(long itemId, String productCode, String productName, long repeatPrice, int quantity,
                       Integer maxDeliveries, int deliveriesDone, boolean removed) {
    }

    static SubscriptionView of(Subscription s, List<SubscriptionItem> items) {
        return new SubscriptionView(s.subscriptionNo(), s.memberId(), s.status().name(), s.cycle().describe(),
                s.cycle().kind().name(),
                s.cycle().kind() == jp.cartflow.subscription.domain.DeliveryCycle.Kind.MONTHLY ? s.cycle().monthlyDay() : null,
                s.cycle().kind() == jp.cartflow.subscription.domain.DeliveryCycle.Kind.INTERVAL ? s.cycle().intervalDays() : null,
                s.cycle().anchorDate(), s.lead().current(), s.lead().pending(), s.carrierCode(), s.timeSlotCode(),
                s.paymentMethod().name(),
                s.paymentMethodName() != null ? s.paymentMethodName() : s.paymentMethod().customerLabel(),
                s.recipient(), s.memo(), s.fees().shipping(), s.fees().payment(),
                s.fees().cool(), s.lastGeneratedAt(), s.lastDeliveryDate(), s.nextGenerationAt(),
                s.nextDeliveryDate(), s.skipNext(), s.deliveriesGenerated(),
                items.stream().map(i -> new Item(i.id(), i.productCode(), i.productName(), i.repeatPrice(),
                        i.quantity(), i.maxDeliveries(), i.deliveriesDone(), i.removed())).toList(),
                s.startedAt(), s.endedAt(), s.endReason(), s.processInstanceId());
    }
}
