package jp.cartflow.subscription.domain;

import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.process.DecisionTables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionOrderRulesTest {

    /** The decision tables of bpmn/ (SUB-11, SUB-12), as the engine evaluates them. */
    private static final OrderTermsRules RULES = DecisionTables.orderTerms();

    private static final SubscriptionItem COFFEE = new SubscriptionItem(1, 10L, "CF-COFFEE-200", "コーヒー", 1458, 2, null, 1, false);
    private static final SubscriptionItem TEA = new SubscriptionItem(2, 11L, "CF-TEA-100", "煎茶", 972, 1, 3, 1, false);

    @Test
    @DisplayName("SUB-8 SUB-10 generated orders use repeat prices and the fees fixed at checkout")
    void repeatPricesAndFixedFees() {
        OrderDraft draft = OrderDraft.generated(List.of(COFFEE, TEA), new Fees(880, 330, 0), ShopTerms.none(), null, RULES);
        assertThat(draft.subtotal()).isEqualTo(1458 * 2 + 972);
        assertThat(draft.shippingFee()).isEqualTo(880);
        assertThat(draft.paymentFee()).isEqualTo(330);
        assertThat(draft.total()).isEqualTo(1458 * 2 + 972 + 880 + 330);
        assertThat(draft.lines()).extracting(OrderDraft.Line::unitPrice).containsExactly(1458L, 972L);
    }

    @Test
    @DisplayName("SUB-11 perks: free shipping, shipping discount never below 0, payment fee free")
    void perks() {
        Fees fees = new Fees(880, 330, 220);
        assertThat(OrderDraft.generated(List.of(COFFEE), fees, new ShopTerms(true, 0, false, false, 100, false),
                null, RULES).shippingFee()).isZero();
        assertThat(OrderDraft.generated(List.of(COFFEE), fees, new ShopTerms(false, 300, false, false, 100, false),
                null, RULES).shippingFee()).isEqualTo(580);
        assertThat(OrderDraft.generated(List.of(COFFEE), fees, new ShopTerms(false, 1000, true, false, 100, false),
                null, RULES)).satisfies(d -> {
                    assertThat(d.shippingFee()).isZero();
                    assertThat(d.paymentFee()).isZero();
                    assertThat(d.coolFee()).isEqualTo(220);
                });
    }

    @Test
    @DisplayName("SUB-12 points on the total at the shop rate, rounded down; first order: on (amount − points used)")
    void points() {
        ShopTerms terms = new ShopTerms(false, 0, false, true, 100, false);
        OrderDraft generated = OrderDraft.generated(List.of(COFFEE), new Fees(880, 0, 0), terms, null, RULES);
        assertThat(generated.total()).isEqualTo(3796);
        assertThat(generated.pointsEarned()).isEqualTo(37);
        OrderDraft first = OrderDraft.first(List.of(new OrderDraft.Line(10L, "CF-COFFEE-200", "コーヒー", 1296, 2)),
                new Fees(880, 0, 0), terms, 500, null, RULES);
        assertThat(first.total()).isEqualTo(1296 * 2 + 880 - 500);
        assertThat(first.pointsEarned()).isEqualTo((1296 * 2 + 880 - 500) / 100);
        assertThat(OrderDraft.generated(List.of(COFFEE), new Fees(0, 0, 0), ShopTerms.none(), null, RULES).pointsEarned())
                .as("points off").isZero();
    }

    @Test
    @DisplayName("SUB-22 the memo is copied to the generated order")
    void memo() {
        assertThat(OrderDraft.generated(List.of(COFFEE), new Fees(0, 0, 0), ShopTerms.none(), "置き配希望", RULES).memo())
                .isEqualTo("置き配希望");
    }

    @Test
    @DisplayName("SUB-19 SUB-24 counts: each generation counts, a limited item leaves at its count, none left = end")
    void countsRemovalAutoEnd() {
        SubscriptionItem tea2 = TEA.delivered();
        assertThat(tea2.deliveriesDone()).isEqualTo(2);
        assertThat(tea2.removed()).isFalse();
        SubscriptionItem tea3 = tea2.delivered();
        assertThat(tea3.removed()).isTrue();
        assertThat(COFFEE.delivered().delivered().removed()).as("unlimited item").isFalse();
        assertThat(OrderDraft.generated(List.of(COFFEE, tea3), new Fees(0, 0, 0), ShopTerms.none(), null, RULES).lines())
                .extracting(OrderDraft.Line::productCode).containsExactly("CF-COFFEE-200");
        assertThatThrownBy(() -> OrderDraft.generated(List.of(tea3), new Fees(0, 0, 0), ShopTerms.none(), null, RULES))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("SUB-18 an item added later counts its first generated order as delivery 1")
    void addedItemCountsFromOne() {
        SubscriptionItem added = new SubscriptionItem(3, 12L, "CF-RICE-5KG", "米", 3780, 1, 1, 0, false);
        assertThat(added.delivered().deliveriesDone()).isEqualTo(1);
        assertThat(added.delivered().removed()).isTrue();
    }

    @Test
    @DisplayName("SUB-5 SUB-17 SUB-27 card and NP are authorizable and need an amount; cards need a card on file")
    void paymentMethods() {
        assertThat(PaymentMethodCode.SBPS_CARD.authorizable()).isTrue();
        assertThat(PaymentMethodCode.ZEUS_CARD.isCard()).isTrue();
        assertThat(PaymentMethodCode.NP_DEFERRED.authorizable()).isTrue();
        assertThat(PaymentMethodCode.NP_DEFERRED.isCard()).isFalse();
        assertThat(PaymentMethodCode.COD.needsAmount()).isFalse();
        assertThat(PaymentMethodCode.FREE.authorizable()).isFalse();
    }

    @Test
    @DisplayName("SUB-13 numbering: all three custom rules, zero padding, tk-13002 from the source")
    void numberingFormats() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertThat(NumberingRule.system().format(42, day)).isEqualTo("42");
        assertThat(new NumberingRule(NumberingRule.Kind.SEQUENCE, null, 6, false).format(42, day)).isEqualTo("000042");
        assertThat(new NumberingRule(NumberingRule.Kind.PREFIX_SEQUENCE, "tk-", 5, false).format(13002, day))
                .isEqualTo("tk-13002");
        assertThat(new NumberingRule(NumberingRule.Kind.DATE_SEQUENCE, null, 5, true).format(7, day))
                .isEqualTo("20261120-00007");
        assertThat(new NumberingRule(NumberingRule.Kind.DATE_SEQUENCE, null, 5, false).format(7, day))
                .isEqualTo("2026112000007");
    }

    @Test
    @DisplayName("SUB-13 numbering: 5–10 digits, prefix ≤ 10 of A-Z a-z 0-9 - _ /, wrap to 1 past D digits")
    void numberingWrapAndValidation() {
        NumberingRule five = new NumberingRule(NumberingRule.Kind.SEQUENCE, null, 5, false);
        assertThat(five.following(99998)).isEqualTo(99999);
        assertThat(five.following(99999)).isEqualTo(1);
        assertThat(five.accepts(99999)).isTrue();
        assertThat(five.accepts(100000)).isFalse();
        assertThat(new NumberingRule(NumberingRule.Kind.SEQUENCE, null, 10, false).following(9_999_999_999L)).isEqualTo(1);
        assertThat(NumberingRule.system().following(99999)).isEqualTo(100000);
        assertThatThrownBy(() -> new NumberingRule(NumberingRule.Kind.SEQUENCE, null, 4, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberingRule(NumberingRule.Kind.SEQUENCE, null, 11, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberingRule(NumberingRule.Kind.PREFIX_SEQUENCE, "abcdefghijk", 5, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberingRule(NumberingRule.Kind.PREFIX_SEQUENCE, "tk#", 5, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new NumberingRule(NumberingRule.Kind.PREFIX_SEQUENCE, "A-z_0/9", 5, false).prefix()).isEqualTo("A-z_0/9");
    }
}
