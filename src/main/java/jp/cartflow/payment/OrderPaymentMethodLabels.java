package jp.cartflow.payment;

import jp.cartflow.order.PaymentMethodLabels;
import org.springframework.stereotype.Component;

/** Gives order mails the customer's name of a payment method, from the one list of codes. */
@Component
class OrderPaymentMethodLabels implements PaymentMethodLabels {

    @Override
    public String customerLabel(String paymentMethodCode) {
        return PaymentMethods.customerLabel(paymentMethodCode);
    }
}
