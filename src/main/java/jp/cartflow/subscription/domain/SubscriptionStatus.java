package jp.cartflow.subscription.domain;

/** ACTIVE runs; ENDED ended by itself (all count-limited items delivered); CANCELLED terminated by the shop. */
public enum SubscriptionStatus {
    ACTIVE, ENDED, CANCELLED;

    public boolean isActive() {
        return this == ACTIVE;
    }
}
