package jp.cartflow.subscription;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.platform.web.Amount;
import jp.cartflow.platform.web.CompleteReplacement;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.subscription.domain.NumberingRule;
import jp.cartflow.subscription.domain.Schedule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalTime;

/** 定期購入設定: the shop's subscription settings (SUB-3/5/9/11/12/13/14/26/29/31). */
@Service
class SubscriptionSettingsService {

    private final ShopDirectory shops;
    private final SubscriptionSettingsRepository settings;
    private final SubscriptionRepository subscriptions;
    private final Clock clock;

    public SubscriptionSettingsService(ShopDirectory shops, SubscriptionSettingsRepository settings,
                                       SubscriptionRepository subscriptions, Clock clock) {
        this.shops = shops;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @CompleteReplacement
    public record Numbering(@NotNull NumberingRule.Kind rule, @Size(max = 10) String prefix,
                            @Min(5) @Max(10) Integer digits, Boolean dateHyphen,
                            @Schema(description = "初期値: the next number handed out is initial + 1") @PositiveOrZero Long initial) {
    }

    @Schema(description = "定期購入設定")
    @CompleteReplacement
    public record Settings(@NotNull Boolean enabled, @NotNull Boolean newSubscriptionsStopped,
                           @NotNull @Min(0) @Max(60) Integer leadDays, @NotNull LocalTime generationTime,
                           @NotNull Boolean authorizeAtGeneration, @NotNull Boolean decrementStockOnGeneration,
                           @NotNull Boolean monthlyCycleEnabled, @NotNull Boolean intervalCycleEnabled,
                           @Positive @Max(365) Integer intervalMinDays, @Positive @Max(365) Integer intervalMaxDays,
                           @NotNull Boolean perkFreeShipping, @NotNull @PositiveOrZero @Amount Long perkShippingDiscount,
                           @NotNull Boolean perkFreePaymentFee, @NotNull Boolean pointsEnabled,
                           @NotNull @Positive @Amount Integer pointsRateYen, @NotNull @Valid Numbering numbering,
                           @NotNull Boolean mypageChangeCycle, @NotNull Boolean mypageChangePayment,
                           @NotNull Boolean mypageChangeAddress, @NotNull Boolean cardExpiryReminderAuto,
                           @NotNull @Min(0) @Max(365) Integer cardExpiryWindowDays,
                           @Schema(description = "SUB-12 ポイント利用: members may spend points at checkout, whatever "
                                   + "pointsEnabled says (null keeps the current setting)") Boolean pointsUsableAtCheckout) {
    }

    @Transactional(readOnly = true)
    public Settings get() {
        SubscriptionSettings s = settings.get(shops.current().id());
        return new Settings(s.enabled(), s.newSubscriptionsStopped(), s.leadDays(), s.generationTime(),
                s.authorizeAtGeneration(), s.decrementStock(), s.monthlyCycleEnabled(), s.intervalCycleEnabled(),
                s.intervalMinDays(), s.intervalMaxDays(), s.perkFreeShipping(), s.perkShippingDiscount(),
                s.perkFreePaymentFee(), s.pointsEnabled(), s.pointsRateYen(),
                new Numbering(s.numbering().kind(), s.numbering().prefix(), s.numbering().digits(),
                        s.numbering().dateHyphen(), s.numberingInitial()),
                s.mypageChangeCycle(), s.mypageChangePayment(), s.mypageChangeAddress(), s.cardExpiryReminderAuto(),
                s.cardExpiryWindowDays(), s.pointsUsableAtCheckout());
    }

    @Transactional
    public Settings save(Settings in) {
        long shopId = shops.current().id();
        SubscriptionSettings old = settings.get(shopId);
        // SUB-31: switched off only when no subscription is active
        if (old.enabled() && !in.enabled() && subscriptions.countActive(shopId) > 0) {
            throw DomainException.rule("SUB-31", "enabled", "稼働中の定期購入があるため無効にできません / "
                    + subscriptions.countActive(shopId) + " subscriptions are still active");
        }
        if (in.intervalMinDays() != null && in.intervalMaxDays() != null && in.intervalMinDays() > in.intervalMaxDays()) {
            throw DomainException.invalid("intervalMinDays", "intervalMinDays must not exceed intervalMaxDays");
        }
        NumberingRule rule;
        try {
            rule = new NumberingRule(in.numbering().rule(), in.numbering().prefix(), in.numbering().digits(),
                    Boolean.TRUE.equals(in.numbering().dateHyphen()));
        } catch (IllegalArgumentException e) {
            throw DomainException.rule("SUB-13", "numbering", e.getMessage());
        }
        Long initial = in.numbering().initial();
        if (initial != null && !rule.accepts(initial)) {
            throw DomainException.rule("SUB-13", "numbering.initial", "初期値は桁数以内の整数です / initial must fit "
                    + rule.digits() + " digits");
        }
        boolean initialChanged = initial != null && !initial.equals(old.numberingInitial());
        long next = initialChanged ? rule.following(initial) : Math.min(Math.max(old.numberingNext(), 1), rule.maxSequence());
        settings.save(new SubscriptionSettings(shopId, in.enabled(), in.newSubscriptionsStopped(), in.leadDays(),
                in.generationTime(), in.authorizeAtGeneration(), in.decrementStockOnGeneration(),
                in.monthlyCycleEnabled(), in.intervalCycleEnabled(), in.intervalMinDays(), in.intervalMaxDays(),
                in.perkFreeShipping(), in.perkShippingDiscount(), in.perkFreePaymentFee(), in.pointsEnabled(),
                in.pointsRateYen(), rule, initial, next, in.mypageChangeCycle(), in.mypageChangePayment(),
                in.mypageChangeAddress(), in.cardExpiryReminderAuto(), in.cardExpiryWindowDays(),
                in.pointsUsableAtCheckout() == null ? old.pointsUsableAtCheckout() : in.pointsUsableAtCheckout()));
        if (in.leadDays() != old.leadDays()) {
            // SUB-14: running subscriptions keep their next generation; the new L applies from the one after
            for (long id : subscriptions.activeIds(shopId)) {
                Subscription s = subscriptions.lock(id);
                Schedule changed = s.schedule().withShopLeadTime(in.leadDays());
                subscriptions.saveSchedule(id, changed, clock.instant());
            }
        }
        return get();
    }
}
