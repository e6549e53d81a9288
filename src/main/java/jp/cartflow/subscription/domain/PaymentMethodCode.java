package jp.cartflow.subscription.domain;

/** Payment methods a subscription can use (SUB-17). */
public enum PaymentMethodCode {
    SBPS_CARD, ZEUS_CARD, COD, NP_DEFERRED, FREE;

    /** Paid with the member's card on file (SUB-27). */
    public boolean isCard() {
        return this == SBPS_CARD || this == ZEUS_CARD;
    }

    /** Card and NP deferred payment are authorized at generation when the shop enables it (SUB-5). */
    public boolean authorizable() {
        return isCard() || this == NP_DEFERRED;
    }

    /** Card and NP cannot pay a 0-yen first order (SUB-17). */
    public boolean needsAmount() {
        return authorizable();
    }
}
