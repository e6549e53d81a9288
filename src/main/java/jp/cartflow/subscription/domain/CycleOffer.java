package jp.cartflow.subscription.domain;

import jp.cartflow.platform.errors.DomainException;

/**
 * The delivery cycles a shop offers to its members: monthly on a day, every N days within a range (SUB-3 at
 * checkout, SUB-26 on my-page). The shop's own changes are not limited by it (SUB-16).
 */
public record CycleOffer(boolean monthlyEnabled, boolean intervalEnabled, Integer intervalMinDays,
                         Integer intervalMaxDays) {

    /** Refuses, under {@code rule}, a cycle of a kind or an N the shop does not offer. */
    public void check(DeliveryCycle cycle, String field, String rule) {
        if (cycle.kind() == DeliveryCycle.Kind.MONTHLY && !monthlyEnabled) {
            throw DomainException.rule(rule, field + ".kind", "毎月指定日の配送は選べません / monthly delivery is not offered");
        }
        if (cycle.kind() == DeliveryCycle.Kind.INTERVAL) {
            if (!intervalEnabled) {
                throw DomainException.rule(rule, field + ".kind", "日数ごとの配送は選べません / every-N-days is not offered");
            }
            if ((intervalMinDays != null && cycle.intervalDays() < intervalMinDays)
                    || (intervalMaxDays != null && cycle.intervalDays() > intervalMaxDays)) {
                throw DomainException.rule(rule, field + ".intervalDays", "選択可能日数は " + intervalMinDays
                        + "〜" + intervalMaxDays + " 日です / N must be within the shop's range");
            }
        }
    }
}
