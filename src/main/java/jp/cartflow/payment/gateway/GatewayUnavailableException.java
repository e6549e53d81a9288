package jp.cartflow.payment.gateway;

/**
 * A technical failure talking to a gateway: timeout, connection refused, 5xx, or a reply we cannot read.
 * Nothing is known about the outcome, so the caller retries with the same idempotency key (in a process:
 * the job is retried and finally becomes an incident).
 */
public class GatewayUnavailableException extends RuntimeException {

    private final Gateway gateway;

    public GatewayUnavailableException(Gateway gateway, String message, Throwable cause) {
        super(gateway + ": " + message, cause);
        this.gateway = gateway;
    }

    public Gateway gateway() {
        return gateway;
    }
}
