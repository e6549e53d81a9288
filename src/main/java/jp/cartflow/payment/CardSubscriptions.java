package jp.cartflow.payment;

/**
 * The port through which cards on file ask the room that runs subscriptions whether a card still pays one
 * (SUB-27). The subscription room implements it; payment knows nothing else of subscriptions.
 */
public interface CardSubscriptions {

    /** Whether an active subscription of the member pays with the card on file. */
    boolean activeSubscriptionPaysByCard(long memberId);
}
