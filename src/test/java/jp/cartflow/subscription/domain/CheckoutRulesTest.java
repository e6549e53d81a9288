package jp.cartflow.subscription.domain;

import jp.cartflow.platform.errors.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Checkout rules (plain Java)")
class CheckoutRulesTest {

    @Test
    @DisplayName("SUB-1: a member or a new member with a recipient; neither is refused under SUB-1, both as invalid")
    void buyer() {
        assertThat(CheckoutRules.buyer(true, false, false)).isEqualTo(CheckoutRules.Buyer.MEMBER);
        assertThat(CheckoutRules.buyer(false, true, true)).isEqualTo(CheckoutRules.Buyer.NEW_MEMBER);
        assertThatThrownBy(() -> CheckoutRules.buyer(false, false, true)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.rule()).isEqualTo("SUB-1"));
        assertThatThrownBy(() -> CheckoutRules.buyer(true, true, true)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("newMember"));
        assertThatThrownBy(() -> CheckoutRules.buyer(false, true, false)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("recipient"));
    }

    @Test
    @DisplayName("SUB-31: a switched-off or stopped shop takes no checkout")
    void open() {
        CheckoutRules.requireOpen(true, false);
        assertThatThrownBy(() -> CheckoutRules.requireOpen(false, false)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.rule()).isEqualTo("SUB-31"));
        assertThatThrownBy(() -> CheckoutRules.requireOpen(true, true)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE));
    }

    @Test
    @DisplayName("SUB-3: only offered kinds and an N within the shop's range")
    void cycleOffer() {
        CycleOffer offer = new CycleOffer(false, true, 10, 60);
        DeliveryCycle monthly = CheckoutRules.cycle(DeliveryCycle.Kind.MONTHLY, 25, null, LocalDate.of(2026, 11, 1), "cycle");
        assertThatThrownBy(() -> offer.check(monthly, "cycle", "SUB-3")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field() + " " + e.rule()).isEqualTo("cycle.kind SUB-3"));
        offer.check(DeliveryCycle.everyNDays(30, LocalDate.of(2026, 11, 1)), "cycle", "SUB-3");
        assertThatThrownBy(() -> offer.check(DeliveryCycle.everyNDays(5, LocalDate.of(2026, 11, 1)), "cycle", "SUB-3"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("cycle.intervalDays"));
        assertThatThrownBy(() -> CheckoutRules.cycle(DeliveryCycle.Kind.INTERVAL, 3, 30, LocalDate.of(2026, 11, 1),
                "cycle")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("cycle.intervalDays"));
    }

    @Test
    @DisplayName("SUB-8 / SUB-17: subscription products only; no card or NP for a 0-yen first order; points up to the balance")
    void productsPaymentPoints() {
        assertThatThrownBy(() -> CheckoutRules.requireSubscriptionProduct("P1", true, 1000L, null, "items[0].productCode"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("SUB-8"));
        CheckoutRules.requireAmountForPayment(true, 1, "paymentMethod");
        CheckoutRules.requireAmountForPayment(false, 0, "paymentMethod");
        assertThatThrownBy(() -> CheckoutRules.requireAmountForPayment(true, 0, "paymentMethod"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.rule()).isEqualTo("SUB-17"));
        assertThatThrownBy(() -> CheckoutRules.requireDistinctProducts(List.of("A", "B", "A")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("items"));
        CheckoutRules.requirePointsAvailable(100, 100L);
        CheckoutRules.requirePointsAvailable(0, null);
        assertThatThrownBy(() -> CheckoutRules.requirePointsAvailable(1, null))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("pointsUsed"));
    }
}
