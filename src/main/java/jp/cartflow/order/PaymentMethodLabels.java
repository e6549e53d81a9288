package jp.cartflow.order;

/**
 * The port through which order mails get the customer's name of a payment method ([paymentMethod], MAIL-1).
 * The payment room, which owns the method codes, implements it.
 */
public interface PaymentMethodLabels {

    /** The generic customer-facing name of a stored method code; an unknown code as it is. */
    String customerLabel(String paymentMethodCode);
}
