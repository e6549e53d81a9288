package jp.cartflow.payment.process;

import jp.cartflow.payment.SubscriptionPaymentRule;
import jp.cartflow.subscription.process.DecisionTables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision table bpmn/SubscriptionPaymentCompatibility.dmn, row by row. */
class PaymentCompatibilityDecisionTableTest {

    private final SubscriptionPaymentRule rule = new DecisionTablePaymentCompatibility(
            variables -> DecisionTables.evaluate(DecisionTablePaymentCompatibility.DECISION, variables));

    @Test
    @DisplayName("SUB-17 DMN: enabled for subscriptions and taken by the carrier → allowed")
    void allowed() {
        assertThat(rule.allows("COD", "yamato", true, true, false)).isTrue();
        assertThat(rule.allows("ZEUS_CARD", "yamato", true, true, false)).isTrue();
        assertThat(rule.allows("FREE", null, true, true, true)).as("any carrier, 0 yen").isTrue();
    }

    @Test
    @DisplayName("SUB-17 DMN: not enabled for subscriptions, or the carrier does not take it → refused")
    void shopSwitches() {
        assertThat(rule.allows("COD", "yamato", false, true, false)).isFalse();
        assertThat(rule.allows("COD", "yamato", true, false, false)).isFalse();
    }

    @Test
    @DisplayName("SUB-17 DMN: card and NP cannot pay a 0-yen first order; an unknown code never")
    void zeroYenAndUnknown() {
        assertThat(rule.allows("SBPS_CARD", "yamato", true, true, true)).isFalse();
        assertThat(rule.allows("NP_DEFERRED", "yamato", true, true, true)).isFalse();
        assertThat(rule.allows("COD", "yamato", true, true, true)).isTrue();
        assertThat(rule.allows("PAYPAY", "yamato", true, true, false)).isFalse();
    }
}
