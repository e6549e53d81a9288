package jp.cartflow.subscription.domain;

import jp.cartflow.platform.errors.DomainException;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * The rules a subscription checkout must pass before anything is written (SUB-1/3/8/17/31), as plain functions of
 * the request and of what the services looked up. Each refusal names the field of the checkout request at fault.
 */
public final class CheckoutRules {

    /** Who subscribes (SUB-1: only members; a guest registers in the checkout). */
    public enum Buyer { MEMBER, NEW_MEMBER }

    private CheckoutRules() {
    }

    /** SUB-31: the feature is switched on and the shop takes new subscriptions. */
    public static void requireOpen(boolean enabled, boolean newSubscriptionsStopped) {
        if (!enabled) {
            throw DomainException.rule("SUB-31", null, "定期購入機能は無効です / subscriptions are switched off");
        }
        if (newSubscriptionsStopped) {
            throw DomainException.rule("SUB-31", null, "新規の定期購入は受付停止中です / new subscriptions are stopped");
        }
    }

    /** A monthly cycle names its day (0 = month end), an every-N-days cycle its N, counted from {@code anchor}. */
    public static DeliveryCycle cycle(DeliveryCycle.Kind kind, Integer day, Integer intervalDays, LocalDate anchor,
                                      String field) {
        if (kind == DeliveryCycle.Kind.MONTHLY) {
            if (day == null || intervalDays != null) {
                throw DomainException.invalid(field + ".day", "MONTHLY needs day (1-31, 0 = month end) and no intervalDays");
            }
            return DeliveryCycle.monthly(day);
        }
        if (intervalDays == null || day != null) {
            throw DomainException.invalid(field + ".intervalDays", "INTERVAL needs intervalDays and no day");
        }
        return DeliveryCycle.everyNDays(intervalDays, anchor);
    }

    public static void requireFirstDeliveryNotPast(LocalDate firstDelivery, LocalDate today) {
        if (firstDelivery.isBefore(today)) {
            throw DomainException.invalid("firstDeliveryDate", "初回お届け日が過去です / first delivery date is in the past");
        }
    }

    /** SUB-8: a product is on a subscription only when the catalogue marks it so and prices both deliveries. */
    public static void requireSubscriptionProduct(String code, boolean subscriptionEnabled, Long firstPrice,
                                                  Long repeatPrice, String field) {
        if (!subscriptionEnabled || firstPrice == null || repeatPrice == null) {
            throw DomainException.rule("SUB-8", field, "商品 " + code + " は定期購入に対応していません / not a subscription product");
        }
    }

    /** Each product once per subscription. */
    public static void requireDistinctProducts(List<String> productCodes) {
        if (new HashSet<>(productCodes).size() < productCodes.size()) {
            throw DomainException.invalid("items", "同じ商品が重複しています / duplicate product");
        }
    }

    /** SUB-1: an existing member, or a new member with a name and address; never both, never neither. */
    public static Buyer buyer(boolean hasMemberId, boolean hasNewMember, boolean hasRecipient) {
        if (hasMemberId) {
            if (hasNewMember) {
                throw DomainException.invalid("newMember", "memberId and newMember exclude each other");
            }
            return Buyer.MEMBER;
        }
        if (hasNewMember) {
            if (!hasRecipient) {
                throw DomainException.invalid("recipient", "a new member needs a name and address (recipient)");
            }
            return Buyer.NEW_MEMBER;
        }
        throw DomainException.rule("SUB-1", "memberId", "定期購入は会員のみです / only members subscribe: memberId or newMember");
    }

    /** SUB-17: card and NP deferred payment need an amount to authorize; a 0-yen first order has none. */
    public static void requireAmountForPayment(boolean methodNeedsAmount, long firstOrderTotal, String field) {
        if (methodNeedsAmount && firstOrderTotal == 0) {
            throw DomainException.rule("SUB-17", field, "初回注文が0円のためカード・NP後払いは選べません"
                    + " / card and NP deferred payment cannot pay a 0-yen first order");
        }
    }

    /** Points pay part of the first order only up to the member's balance ({@code balance} null: a new member). */
    public static void requirePointsAvailable(long pointsUsed, Long balance) {
        if (pointsUsed > 0 && (balance == null || pointsUsed > balance)) {
            throw DomainException.invalid("pointsUsed", "保有ポイントを超えています / more points than the member has");
        }
    }
}
