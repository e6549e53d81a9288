package jp.cartflow.payment;

/**
 * SUB-17 as a decision: may a subscription pay with {@code paymentMethod}? The shop's own switches come in as
 * facts; the rule around them is the analysts' decision table bpmn/SubscriptionPaymentCompatibility.dmn
 * (implemented in payment/process).
 */
public interface SubscriptionPaymentRule {

    /**
     * @param carrierCode             the subscription's carrier, or null when any carrier will do
     * @param enabledForSubscriptions the shop enabled the method for subscriptions
     * @param carrierTakesMethod      the carrier takes the method (true when any carrier will do)
     * @param firstOrderFree          the first order costs 0 yen
     */
    boolean allows(String paymentMethod, String carrierCode, boolean enabledForSubscriptions,
                   boolean carrierTakesMethod, boolean firstOrderFree);
}
