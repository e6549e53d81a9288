package jp.cartflow.payment;

import jp.cartflow.payment.gateway.GatewayState;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The gateway-side states that agree with ours (PAY-2, docs/payments.md "Which states are compared"): money
     * held must be held there too; where we hold none, the gateway must hold none either (no transaction, declined
     * or cancelled). Empty for the statuses reconciliation does not compare.
     */
    public Set<GatewayState> agreeingGatewayStates() {
        return switch (this) {
            case AUTHORIZED -> EnumSet.of(GatewayState.AUTHORIZED);
            case CAPTURED -> EnumSet.of(GatewayState.CAPTURED);
            case CANCELLED -> EnumSet.of(GatewayState.CANCELLED);
            case UNPAID, AUTH_DECLINED -> EnumSet.of(GatewayState.UNKNOWN, GatewayState.DECLINED, GatewayState.CANCELLED);
            case AUTH_PENDING, AUTHORIZING, REFUNDED, UNLINKED -> EnumSet.noneOf(GatewayState.class);
        };
    }

    /** Whether money is held for the order (the amount must agree too). */
    public boolean holdsMoney() {
        return this == AUTHORIZED || this == CAPTURED;
    }

    /**
     * Our status once support has settled a reported mismatch and the gateway's state is the true one: as
     * {@link #adopting}, and a gateway without a transaction leaves the order unpaid (it can be authorized again).
     */
    public static Optional<PaymentStatus> settledAt(GatewayState state) {
        return state == GatewayState.UNKNOWN ? Optional.of(UNPAID) : adopting(state);
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
