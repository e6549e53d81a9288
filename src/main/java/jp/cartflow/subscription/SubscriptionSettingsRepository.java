package jp.cartflow.subscription;

import jp.cartflow.subscription.domain.NumberingRule;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * The subscription settings of each shop ({@code subscription_setting}, owned by this room) and the number
 * allocation (SUB-13). A shop without a row yet (one created after the migration) gets the defaults on first use.
 */
@Repository
class SubscriptionSettingsRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    SubscriptionSettingsRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The shop's settings; the row is made first for a shop that has none yet (one read when it exists). */
    public SubscriptionSettings get(long shopId) {
        return read(shopId, "SELECT * FROM subscription_setting WHERE shop_id = :id");
    }

    private SubscriptionSettings read(long shopId, String sql) {
        Optional<SubscriptionSettings> found = find(sql, shopId);
        if (found.isPresent()) {
            return found.get();
        }
        ensureRow(shopId);
        return find(sql, shopId).orElseThrow();
    }

    private Optional<SubscriptionSettings> find(String sql, long shopId) {
        return jdbc.sql(sql).param("id", shopId)
                .query((rs, n) -> new SubscriptionSettings(rs.getLong("shop_id"), rs.getBoolean("subscription_enabled"),
                        rs.getBoolean("new_subscriptions_stopped"), rs.getInt("lead_days"),
                        rs.getObject("generation_time", LocalTime.class), rs.getBoolean("authorize_at_generation"),
                        rs.getBoolean("decrement_stock_on_generation"), rs.getBoolean("monthly_cycle_enabled"),
                        rs.getBoolean("interval_cycle_enabled"), rs.getObject("interval_min_days", Integer.class),
                        rs.getObject("interval_max_days", Integer.class), rs.getBoolean("perk_free_shipping"),
                        rs.getLong("perk_shipping_discount"), rs.getBoolean("perk_free_payment_fee"),
                        rs.getBoolean("points_enabled"), rs.getInt("points_rate_yen"),
                        new NumberingRule(NumberingRule.Kind.valueOf(rs.getString("numbering_rule")),
                                rs.getString("numbering_prefix"), rs.getObject("numbering_digits", Integer.class),
                                rs.getBoolean("numbering_date_hyphen")),
                        rs.getObject("numbering_initial", Long.class), rs.getLong("numbering_next"),
                        rs.getBoolean("mypage_change_cycle"), rs.getBoolean("mypage_change_payment"),
                        rs.getBoolean("mypage_change_address"), rs.getBoolean("card_expiry_reminder_auto"),
                        rs.getInt("card_expiry_window_days"), rs.getBoolean("points_usable_at_checkout")))
                .optional();
    }

    public void save(SubscriptionSettings s) {
        ensureRow(s.shopId());
        jdbc.sql("""
                UPDATE subscription_setting SET subscription_enabled = :enabled, new_subscriptions_stopped = :stopped,
                    lead_days = :lead, generation_time = :time, authorize_at_generation = :authorize,
                    decrement_stock_on_generation = :decrement, monthly_cycle_enabled = :monthly,
                    interval_cycle_enabled = :interval, interval_min_days = :min, interval_max_days = :max,
                    perk_free_shipping = :freeShipping, perk_shipping_discount = :discount,
                    perk_free_payment_fee = :freeFee, points_enabled = :points, points_rate_yen = :rate,
                    numbering_rule = :rule, numbering_prefix = :prefix, numbering_digits = :digits,
                    numbering_initial = :initial, numbering_date_hyphen = :hyphen, numbering_next = :next,
                    mypage_change_cycle = :myCycle, mypage_change_payment = :myPayment,
                    mypage_change_address = :myAddress, card_expiry_reminder_auto = :cardAuto,
                    card_expiry_window_days = :cardWindow, points_usable_at_checkout = :usable, updated_at = CURRENT_TIMESTAMP
                WHERE shop_id = :id""")
                .param("enabled", s.enabled()).param("stopped", s.newSubscriptionsStopped())
                .param("lead", s.leadDays()).param("time", s.generationTime())
                .param("authorize", s.authorizeAtGeneration()).param("decrement", s.decrementStock())
                .param("monthly", s.monthlyCycleEnabled()).param("interval", s.intervalCycleEnabled())
                .param("min", s.intervalMinDays()).param("max", s.intervalMaxDays())
                .param("freeShipping", s.perkFreeShipping()).param("discount", s.perkShippingDiscount())
                .param("freeFee", s.perkFreePaymentFee()).param("points", s.pointsEnabled())
                .param("rate", s.pointsRateYen()).param("rule", s.numbering().kind().name())
                .param("prefix", s.numbering().prefix()).param("digits", s.numbering().digits())
                .param("initial", s.numberingInitial()).param("hyphen", s.numbering().dateHyphen())
                .param("next", s.numberingNext()).param("myCycle", s.mypageChangeCycle())
                .param("myPayment", s.mypageChangePayment()).param("myAddress", s.mypageChangeAddress())
                .param("cardAuto", s.cardExpiryReminderAuto()).param("cardWindow", s.cardExpiryWindowDays())
                .param("usable", s.pointsUsableAtCheckout()).param("id", s.shopId()).update();
    }

    /**
     * SUB-13: hands out the next subscription number. The settings row is locked ({@code SELECT … FOR UPDATE}) so
     * concurrent checkouts queue up on it; after a wrap to 1 a number still in use is passed over.
     */
    public String allocateNumber(long shopId, LocalDate checkoutDay) {
        // the rule and the counter in one locking read
        SubscriptionSettings locked = read(shopId, "SELECT * FROM subscription_setting WHERE shop_id = :id FOR UPDATE");
        long next = locked.numberingNext();
        NumberingRule rule = locked.numbering();
        String number = rule.format(next, checkoutDay);
        for (int guard = 0; inUse(shopId, number); guard++) {
            if (guard > 1000) {
                throw new IllegalStateException("no free subscription number near " + number);
            }
            next = rule.following(next);
            number = rule.format(next, checkoutDay);
        }
        jdbc.sql("UPDATE subscription_setting SET numbering_next = :next WHERE shop_id = :id")
                .param("next", rule.following(next)).param("id", shopId).update();
        return number;
    }

    /** SUB-29: the shops that run subscriptions and send card-expiry reminders automatically. */
    public List<Long> shopsWithAutomaticCardExpiryReminders() {
        return jdbc.sql("""
                SELECT shop_id FROM subscription_setting
                WHERE subscription_enabled = TRUE AND card_expiry_reminder_auto = TRUE""")
                .query(Long.class).list();
    }

    /**
     * A shop created after the migration (e.g. by ShopBootstrap) has no settings row until its first use; the row
     * with the table's defaults is then inserted in a transaction of its own, so a read-only caller works too and
     * a concurrent first use (duplicate key) leaves the caller's transaction intact.
     */
    private void ensureRow(long shopId) {
        if (present(shopId)) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> {
                if (!present(shopId)) {
                    jdbc.sql("INSERT INTO subscription_setting (shop_id) VALUES (:id)").param("id", shopId).update();
                }
            });
        } catch (DuplicateKeyException alreadyThere) {
            // another transaction created it first, with the same defaults
        }
    }

    private boolean present(long shopId) {
        return jdbc.sql("SELECT COUNT(*) FROM subscription_setting WHERE shop_id = :id")
                .param("id", shopId).query(Integer.class).single() > 0;
    }

    private boolean inUse(long shopId, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM subscription WHERE shop_id = :shop AND subscription_no = :no")
                .param("shop", shopId).param("no", number).query(Integer.class).single() > 0;
    }
}
