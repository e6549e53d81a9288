package jp.cartflow.payment;

import jp.cartflow.payment.gateway.GatewayState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reconciliation's state table (docs/payments.md, "Which states are compared"). */
class PaymentStatusStateTableTest {

    @Test
    @DisplayName("PAY-2 money held here must be held there in the same state; none held here means none there")
    void agreeingStates() {
        assertThat(PaymentStatus.AUTHORIZED.agreeingGatewayStates()).containsExactly(GatewayState.AUTHORIZED);
        assertThat(PaymentStatus.CAPTURED.agreeingGatewayStates()).containsExactly(GatewayState.CAPTURED);
        assertThat(PaymentStatus.CANCELLED.agreeingGatewayStates()).containsExactly(GatewayState.CANCELLED);
        assertThat(PaymentStatus.UNPAID.agreeingGatewayStates())
                .containsExactlyInAnyOrder(GatewayState.UNKNOWN, GatewayState.DECLINED, GatewayState.CANCELLED);
        assertThat(PaymentStatus.AUTH_DECLINED.agreeingGatewayStates())
                .isEqualTo(PaymentStatus.UNPAID.agreeingGatewayStates());
        assertThat(PaymentStatus.UNLINKED.agreeingGatewayStates()).as("left the link on purpose: not compared").isEmpty();
        assertThat(PaymentStatus.AUTH_PENDING.agreeingGatewayStates()).as("owned by the authorization process").isEmpty();
        assertThat(PaymentStatus.AUTHORIZED.holdsMoney()).isTrue();
        assertThat(PaymentStatus.CAPTURED.holdsMoney()).isTrue();
        assertThat(PaymentStatus.CANCELLED.holdsMoney()).isFalse();
    }

    @Test
    @DisplayName("PAY-2 after support settled a case, the gateway's state is taken; no transaction there → 未決済 "
            + "(it can be authorized again)")
    void settledStates() {
        assertThat(PaymentStatus.settledAt(GatewayState.UNKNOWN)).contains(PaymentStatus.UNPAID);
        assertThat(PaymentStatus.settledAt(GatewayState.CAPTURED)).contains(PaymentStatus.CAPTURED);
        assertThat(PaymentStatus.settledAt(GatewayState.CANCELLED)).contains(PaymentStatus.CANCELLED);
        assertThat(PaymentStatus.settledAt(GatewayState.DECLINED)).contains(PaymentStatus.AUTH_DECLINED);
        assertThat(PaymentStatus.adopting(GatewayState.UNKNOWN)).as("an operator cannot adopt 'no transaction'").isEmpty();
    }
}
