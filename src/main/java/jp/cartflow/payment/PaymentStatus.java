package jp.cartflow.payment;

import jp.cartflow.payment.gateway.GatewayState;

import java.util.Optional;

/** customer_order.payment_status. */
public enum PaymentStatus {
    UNPAID("未決済"),
    AUTHORIZING("与信中"),
    AUTHORIZED("与信済み"),
    AUTH_PENDING("審査中"),
    AUTH_DECLINED("与信NG"),
    CAPTURED("実売上済み"),
    CANCELLED("取消済み"),
    REFUNDED("返金済み"),
    /** PAY-2: the gateway link was removed; 未決済, and no further status changes. */
    UNLINKED("未決済(連動解除)");

    private final String japanese;

    PaymentStatus(String japanese) {
        this.japanese = japanese;
    }

    public String japanese() {
        return japanese;
    }

    /** What the gateway-side state would be if both sides agreed. */
    public Optional<GatewayState> expectedGatewayState() {
        return switch (this) {
            case AUTHORIZED -> Optional.of(GatewayState.AUTHORIZED);
            case CAPTURED -> Optional.of(GatewayState.CAPTURED);
            case AUTH_PENDING -> Optional.of(GatewayState.PENDING);
            case CANCELLED -> Optional.of(GatewayState.CANCELLED);
            default -> Optional.empty();
        };
    }

    /** The status we take over when an operator adopts the gateway's state; empty if there is none. */
    public static Optional<PaymentStatus> adopting(GatewayState state) {
        return switch (state) {
            case AUTHORIZED -> Optional.of(AUTHORIZED);
            case CAPTURED -> Optional.of(CAPTURED);
            case CANCELLED -> Optional.of(CANCELLED);
            case PENDING -> Optional.of(AUTH_PENDING);
            case DECLINED -> Optional.of(AUTH_DECLINED);
            case UNKNOWN -> Optional.empty();
        };
    }
}
