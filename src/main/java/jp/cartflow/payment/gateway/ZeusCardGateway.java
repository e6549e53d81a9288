package jp.cartflow.payment.gateway;

import java.util.Map;

/**
 * ゼウス card payments. The real Zeus interface specification is not available to us; this dialect is ours
 * (docs/payments.md, "Zeus"). Zeus calls our order number SENDPOINT.
 */
final class ZeusCardGateway {

    public static final WireFormat WIRE = new WireFormat(
            "sendpoint", "money", "cardToken", "ordd",
            "result", "OK", "NG", null,
            "errCode", "errMessage", "status",
            Map.of("AUTH", GatewayState.AUTHORIZED, "SALES", GatewayState.CAPTURED, "CANCEL", GatewayState.CANCELLED,
                    "NG", GatewayState.DECLINED));

    private ZeusCardGateway() {
    }
}
