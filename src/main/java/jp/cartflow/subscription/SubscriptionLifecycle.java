package jp.cartflow.subscription;

/** The port to the subscription's long-running process (the engine stays behind it). */
public interface SubscriptionLifecycle {

    /** Starts the lifecycle of a new subscription; returns the process instance id. */
    String start(long subscriptionId, String subscriptionNo);

    /** The cycle or the next delivery changed: the waiting timer is re-armed from the stored schedule. */
    void scheduleChanged(String subscriptionNo);

    /** The shop terminated the subscription: the waiting loop ends (authorizations already running go on). */
    void terminated(String subscriptionNo);
}
