package jp.cartflow.mail.taglanguage;

import java.time.temporal.Temporal;

/**
 * Order values for the general mail tags. Any component may be {@code null} (renders as empty).
 *
 * <p>Money is in yen ({@code Long}); it renders with thousands separators and no currency sign.
 * Dates accept {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} (shown in Asia/Tokyo),
 * {@code LocalDateTime} and {@code LocalDate} (shown as they are). For an order generated from a
 * subscription, {@code orderDateTime} is the generation time (SUB-30).
 * {@code orderName1}/{@code orderName2} are family/given name, {@code orderKana1}/{@code orderKana2} their furigana.
 * {@code subscriptionNo} is only rendered when {@link MailContext#includeSubscriptionNo()} is set (SUB-30).
 */
public record OrderView(String orderNo, Temporal orderDateTime,
                        String orderName1, String orderName2, String orderKana1, String orderKana2,
                        String email, String tel, String zip, String address,
                        String paymentMethod,
                        Long subtotal, Long shippingFee, Long paymentFee, Long discount, Long pointsUsed, Long total,
                        String memo, String subscriptionNo, Temporal nextDeliveryDate) {

    public static OrderView empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} gives the immutable record. */
    public static final class Builder {
        private String orderNo;
        private Temporal orderDateTime;
        private String orderName1;
        private String orderName2;
        private String orderKana1;
        private String orderKana2;
        private String email;
        private String tel;
        private String zip;
        private String address;
        private String paymentMethod;
        private Long subtotal;
        private Long shippingFee;
        private Long paymentFee;
        private Long discount;
        private Long pointsUsed;
        private Long total;
        private String memo;
        private String subscriptionNo;
        private Temporal nextDeliveryDate;

        private Builder() {
        }

        public Builder orderNo(String v) { orderNo = v; return this; }
        public Builder orderDateTime(Temporal v) { orderDateTime = v; return this; }
        public Builder name(String family, String given) { orderName1 = family; orderName2 = given; return this; }
        public Builder kana(String family, String given) { orderKana1 = family; orderKana2 = given; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder tel(String v) { tel = v; return this; }
        public Builder zip(String v) { zip = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder paymentMethod(String v) { paymentMethod = v; return this; }
        public Builder subtotal(Long v) { subtotal = v; return this; }
        public Builder shippingFee(Long v) { shippingFee = v; return this; }
        public Builder paymentFee(Long v) { paymentFee = v; return this; }
        public Builder discount(Long v) { discount = v; return this; }
        public Builder pointsUsed(Long v) { pointsUsed = v; return this; }
        public Builder total(Long v) { total = v; return this; }
        public Builder memo(String v) { memo = v; return this; }
        public Builder subscriptionNo(String v) { subscriptionNo = v; return this; }
        public Builder nextDeliveryDate(Temporal v) { nextDeliveryDate = v; return this; }

        public OrderView build() {
            return new OrderView(orderNo, orderDateTime, orderName1, orderName2, orderKana1, orderKana2,
                    email, tel, zip, address, paymentMethod, subtotal, shippingFee, paymentFee, discount,
                    pointsUsed, total, memo, subscriptionNo, nextDeliveryDate);
        }
    }
}
