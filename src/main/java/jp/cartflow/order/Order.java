package jp.cartflow.order;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An order's header, as the order processes see it. {@code paymentMethodName} is the shop's name of the method
 * when the order was created or its payment last changed (null for orders from before V72 without a name).
 */
public record Order(long id, long shopId, String orderNo, Long memberId, Instant orderedAt, String email,
                    String lastName, String firstName, String lastNameKana, String firstNameKana, String tel,
                    String zipcode, String address, String memo, String subscriptionNo,
                    LocalDate nextDeliveryDate, String paymentMethodCode, String paymentMethodName, String status,
                    long subtotal, long shippingFee, long paymentFee, long discount, long pointsUsed, long total,
                    Instant shippingMailSentAt) {
}
