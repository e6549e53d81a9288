package jp.cartflow.payment.gateway;

/** Our reading of a gateway-side status of an order (each adapter maps its own codes onto these). */
public enum GatewayState {
    AUTHORIZED("与信済み"),
    CAPTURED("実売上済み"),
    CANCELLED("取消済み"),
    PENDING("審査中"),
    DECLINED("与信NG"),
    /** The gateway does not know the order. */
    UNKNOWN("取引なし");

    private final String japanese;

    GatewayState(String japanese) {
        this.japanese = japanese;
    }

    /** For the shop memo and the operator form, e.g. "実売上済み". */
    public String japanese() {
        return japanese;
    }
}
