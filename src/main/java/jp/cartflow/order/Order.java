package jp.cartflow.order;

import java.time.Instant;
import java.time.LocalDate;

/** An order's header, as the order processes see it. */
public record Order(long id, long shopId, String orderNo, Long memberId, Instant orderedAt, String email,
                    String lastName, String firstName, String lastNameKana, String firstNameKana, String tel,
                    String zipcode, String address, String memo, String subscriptionNo,
                    LocalDate nextDeliveryDate, String paymentMethodCode, String status, long subtotal,
                    long shippingFee, long paymentFee, long discount, long pointsUsed, long total,
                    Instant shippingMailSentAt) {
}
