package jp.cartflow.cart;

import java.time.Instant;

/**
 * The process behind an abandoned cart (bpmn/CartAbandonmentProcess.bpmn). The engine adapter lives in
 * {@code cart.process}; the use cases stay engine-free.
 */
public interface CartReminderProcesses {

    /** Starts the wait for the shop's delay; business key = the cart id. */
    void start(String cartId, long abandonmentId, Instant remindAt);

    /** Ends a waiting process; one that is past the wait finds the conversion itself. */
    void converted(String cartId);
}
