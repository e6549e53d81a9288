package jp.cartflow.order;

import java.time.Instant;
import java.util.Optional;

/**
 * The port through which the order detail shows the result of the order's last authorization (与信結果). The
 * payment room, which owns the gateway calls, implements it; order knows nothing else of payment.
 */
public interface AuthorizationResults {

    /** The last authorization attempt of an order: gateway, outcome (null while unanswered), reference, reason. */
    record AuthorizationResult(String gateway, String outcome, String gatewayRef, String reason, Instant requestedAt,
                               Instant completedAt) {
    }

    Optional<AuthorizationResult> lastAuthorization(long orderId);
}
