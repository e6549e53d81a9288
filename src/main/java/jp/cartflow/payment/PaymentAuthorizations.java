package jp.cartflow.payment;

/** The port to CreditAuthorizationProcess (the engine stays behind it). */
public interface PaymentAuthorizations {

    /** Starts the authorization of an order (business key = order number); returns the instance id. */
    String startAuthorization(long orderId);

    /** Whether an authorization process is running for the order. */
    boolean isRunningFor(long orderId);

    /**
     * Delivers an NP screening result (PAY-3) to the order's waiting authorization.
     *
     * @return false when no authorization of the order waits for one
     */
    boolean deliverScreeningResult(long orderId, boolean approved, String reason);
}
