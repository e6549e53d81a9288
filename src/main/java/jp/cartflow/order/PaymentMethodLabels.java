package jp.cartflow.order;

/**
 * The port through which order mails and views get the customer's name of a payment method ([paymentMethod],
 * MAIL-1).
 * The payment room, which owns the method codes, implements it.
 */
public interface PaymentMethodLabels {

    /** The generic customer-facing name of a stored method code; an unknown code as it is. */
    String customerLabel(String paymentMethodCode);

    /**
     * What an order prints for its payment method: the shop's name the order kept (its snapshot), or for an order
     * without one the generic name of its code.
     */
    default String orderLabel(String snapshot, String paymentMethodCode) {
        return snapshot != null && !snapshot.isBlank() ? snapshot : customerLabel(paymentMethodCode);
    }
}
