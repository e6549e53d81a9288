package jp.cartflow.payment.gateway;

import java.util.Map;

/**
 * SBペイメントサービス card payments. Our own dialect (docs/payments.md, "SB Payment Service"); the real
 * specification is not available to us.
 */
final class SbpsCardGateway {

    public static final WireFormat WIRE = new WireFormat(
            "merchantOrderId", "amount", "customerToken", "trackingId",
            "resultCode", "OK", "NG", null,
            "errorCode", "errorMessage", "state",
            Map.of("AUTHORIZED", GatewayState.AUTHORIZED, "CAPTURED", GatewayState.CAPTURED,
                    "CANCELLED", GatewayState.CANCELLED, "FAILED", GatewayState.DECLINED));

    private SbpsCardGateway() {
    }
}
