package jp.cartflow.payment.gateway;

import java.util.Map;

/**
 * NP後払い (deferred payment). The screening (与信審査) may stay pending and resolve later (PAY-3): the
 * authorization then answers {@code HOLD}, and the result arrives by message or by polling the status.
 * Our own dialect (docs/payments.md, "NP").
 */
final class NpDeferredGateway {

    public static final WireFormat WIRE = new WireFormat(
            "shopTransactionId", "billedAmount", null, "npTransactionId",
            "authoriResult", "OK", "NG", "HOLD",
            "authoriNgReason", "message", "transactionStatus",
            Map.of("UNDER_REVIEW", GatewayState.PENDING, "APPROVED", GatewayState.AUTHORIZED,
                    "REJECTED", GatewayState.DECLINED, "BILLED", GatewayState.CAPTURED,
                    "CANCELLED", GatewayState.CANCELLED));

    private NpDeferredGateway() {
    }
}
