package jp.cartflow.subscription.process;

import jp.cartflow.subscription.domain.OrderTermsRules;
import jp.cartflow.subscription.domain.ShopTerms;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision tables bpmn/SubscriptionPerks.dmn and bpmn/SubscriptionPoints.dmn, row by row. */
class OrderTermsDecisionTablesTest {

    private final OrderTermsRules rules = DecisionTables.orderTerms();

    private static ShopTerms terms(boolean freeShipping, long discount, boolean freeFee, boolean points, int rate) {
        return new ShopTerms(freeShipping, discount, freeFee, points, rate, false);
    }

    @Test
    @DisplayName("SUB-11 DMN: free shipping wins over a discount; the payment fee is free only when switched on")
    void freeShipping() {
        assertThat(rules.perks(terms(true, 300, false, false, 100), 880, 330))
                .isEqualTo(new OrderTermsRules.Charged(0, 330));
        assertThat(rules.perks(terms(true, 0, true, false, 100), 880, 330))
                .isEqualTo(new OrderTermsRules.Charged(0, 0));
    }

    @Test
    @DisplayName("SUB-11 DMN: shipping less the discount, never below 0; no perks leave the fees as they are")
    void discount() {
        assertThat(rules.perks(terms(false, 300, false, false, 100), 880, 330))
                .isEqualTo(new OrderTermsRules.Charged(580, 330));
        assertThat(rules.perks(terms(false, 1000, true, false, 100), 880, 330))
                .isEqualTo(new OrderTermsRules.Charged(0, 0));
        assertThat(rules.perks(terms(false, 0, false, false, 100), 880, 330))
                .isEqualTo(new OrderTermsRules.Charged(880, 330));
    }

    @Test
    @DisplayName("SUB-12 DMN: X yen = 1 point on (amount − points used), rounded down; none when points are off")
    void points() {
        assertThat(rules.points(terms(false, 0, false, true, 100), 3796, 0)).isEqualTo(37);
        assertThat(rules.points(terms(false, 0, false, true, 100), 2972, 500)).isEqualTo(24);
        assertThat(rules.points(terms(false, 0, false, true, 200), 199, 0)).isZero();
        assertThat(rules.points(terms(false, 0, false, true, 100), 100, 300)).as("never negative").isZero();
        assertThat(rules.points(terms(false, 0, false, false, 100), 3796, 0)).isZero();
    }
}
