package jp.cartflow.payment.gateway;

/**
 * A gateway's answer as a business outcome. Technical failures are not results: they are
 * {@link GatewayUnavailableException}s (retryable).
 *
 * @param outcome       APPROVED, DECLINED (with {@code reason}) or PENDING (NP screening)
 * @param gatewayRef    the gateway's transaction id (Zeus ordd, SBPS trackingId, NP npTransactionId); may be null
 * @param gatewayStatus the gateway's own status code after the call (e.g. Zeus {@code SALES}); may be null
 * @param state         our reading of {@code gatewayStatus}
 * @param reason        decline reason (gateway code and text); null unless declined
 * @param amount        the amount (yen) the gateway holds for the order, where its answer names one (status
 *                      queries); null otherwise
 */
public record GatewayResult(Outcome outcome, String gatewayRef, String gatewayStatus, GatewayState state,
                            String reason, Long amount) {

    public GatewayResult(Outcome outcome, String gatewayRef, String gatewayStatus, GatewayState state, String reason) {
        this(outcome, gatewayRef, gatewayStatus, state, reason, null);
    }

    public enum Outcome { APPROVED, DECLINED, PENDING }

    public boolean approved() {
        return outcome == Outcome.APPROVED;
    }
}
