package jp.cartflow.subscription;

import jp.cartflow.subscription.SubscriptionCommands.Checkout;
import jp.cartflow.subscription.SubscriptionCommands.CycleInput;
import jp.cartflow.subscription.SubscriptionCommands.FeesInput;
import jp.cartflow.subscription.SubscriptionCommands.ItemInput;
import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.payment.PaymentMethodCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** Creates subscriptions of the demo shop for tests. */
@Component
public class TestSubscriptions {

    private final SubscriptionCheckout service;
    private final JdbcClient jdbc;

    public TestSubscriptions(SubscriptionCheckout service, JdbcClient jdbc) {
        this.service = service;
        this.jdbc = jdbc;
    }

    public long memberId(String login) {
        return jdbc.sql("SELECT id FROM member WHERE login_id = :login").param("login", login).query(Long.class).single();
    }

    /** Default shop settings for the subscription tests (authorization at generation off, L = 7 at 05:00). */
    public void defaultSettings() {
        jdbc.sql("""
                UPDATE subscription_setting SET subscription_enabled = TRUE, new_subscriptions_stopped = FALSE, lead_days = 7,
                    generation_time = TIME '05:00:00', authorize_at_generation = FALSE,
                    decrement_stock_on_generation = FALSE, monthly_cycle_enabled = TRUE, interval_cycle_enabled = TRUE,
                    interval_min_days = 14, interval_max_days = 90, perk_free_shipping = FALSE,
                    perk_shipping_discount = 0, perk_free_payment_fee = FALSE, points_enabled = TRUE,
                    points_rate_yen = 100, mypage_change_cycle = TRUE, mypage_change_payment = TRUE,
                    mypage_change_address = TRUE WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')""").update();
        jdbc.sql("UPDATE shop SET paused = FALSE WHERE code = 'demo'").update();
    }

    public static Checkout checkout(long memberId, int monthlyDay, LocalDate firstDelivery, PaymentMethodCode payment,
                                    Integer maxDeliveries) {
        return new Checkout(memberId, null,
                List.of(new ItemInput("CF-COFFEE-200", 2, null), new ItemInput("CF-TEA-100", 1, maxDeliveries)),
                new CycleInput(DeliveryCycle.Kind.MONTHLY, monthlyDay, null), firstDelivery, "yamato", "AM", payment,
                null, "置き配希望", new FeesInput(880L, 330L, 0L), 0L);
    }

    public SubscriptionCheckout.Created create(String login, int monthlyDay, LocalDate firstDelivery,
                                              PaymentMethodCode payment, Integer maxDeliveries) {
        return service.create(checkout(memberId(login), monthlyDay, firstDelivery, payment, maxDeliveries), "test");
    }

    public long id(String subscriptionNo) {
        return jdbc.sql("SELECT id FROM subscription WHERE subscription_no = :no").param("no", subscriptionNo)
                .query(Long.class).single();
    }

    public int generatedOrders(String subscriptionNo) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE subscription_no = :no AND delivery_index > 1")
                .param("no", subscriptionNo).query(Integer.class).single();
    }
}
