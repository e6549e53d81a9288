package jp.cartflow.subscription.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * 配送サイクル (SUB-3): monthly on day D (1–31, or {@link #MONTH_END} = 末日), or every N days counted from an
 * anchor date. Monthly dates always come from the stored day, never from the previous date: anchor 31 gives
 * Jan 31 → Feb 28/29 → Mar 31 → Apr 30. Every-N dates are anchor + k·N (k ≥ 1); the anchor is the first
 * delivery at checkout and "today" when the cycle is changed (SUB-16).
 */
public record DeliveryCycle(Kind kind, int monthlyDay, int intervalDays, LocalDate anchorDate) {

    public enum Kind { MONTHLY, INTERVAL }

    /** 末日: the last day of every month. */
    public static final int MONTH_END = 0;

    public DeliveryCycle {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.MONTHLY && (monthlyDay < 0 || monthlyDay > 31)) {
            throw new IllegalArgumentException("monthly day must be 1-31 or 0 (month end): " + monthlyDay);
        }
        if (kind == Kind.INTERVAL && (intervalDays <= 0 || anchorDate == null)) {
            throw new IllegalArgumentException("every-N-days needs N > 0 and an anchor date");
        }
    }

    public static DeliveryCycle monthly(int day) {
        return new DeliveryCycle(Kind.MONTHLY, day, 0, null);
    }

    public static DeliveryCycle everyNDays(int days, LocalDate anchor) {
        return new DeliveryCycle(Kind.INTERVAL, 0, days, anchor);
    }

    /** The delivery date of a monthly cycle in the given month (day clamped to the month's length). */
    public LocalDate dateIn(YearMonth month) {
        if (kind != Kind.MONTHLY) {
            throw new IllegalStateException("not a monthly cycle");
        }
        int length = month.lengthOfMonth();
        return month.atDay(monthlyDay == MONTH_END || monthlyDay > length ? length : monthlyDay);
    }

    /** The first delivery date of this cycle strictly after {@code date}. */
    public LocalDate firstAfter(LocalDate date) {
        if (kind == Kind.MONTHLY) {
            LocalDate candidate = dateIn(YearMonth.from(date));
            return candidate.isAfter(date) ? candidate : dateIn(YearMonth.from(date).plusMonths(1));
        }
        if (date.isBefore(anchorDate)) {
            return anchorDate.plusDays(intervalDays);
        }
        long k = ChronoUnit.DAYS.between(anchorDate, date) / intervalDays + 1;
        return anchorDate.plusDays(k * intervalDays);
    }

    /** The same cycle counted from another anchor (every-N only; SUB-16 "from today"). */
    public DeliveryCycle anchoredAt(LocalDate anchor) {
        return kind == Kind.INTERVAL ? everyNDays(intervalDays, anchor) : this;
    }

    /** For people: 毎月25日 / 毎月末日 / 14日ごと. */
    public String describe() {
        if (kind == Kind.MONTHLY) {
            return monthlyDay == MONTH_END ? "毎月末日" : "毎月" + monthlyDay + "日";
        }
        return intervalDays + "日ごと";
    }

    /** Why {@code date} is a delivery date of this cycle (shown by the schedule preview). */
    public String reason(LocalDate date) {
        if (kind == Kind.MONTHLY) {
            if (monthlyDay == MONTH_END) {
                return "毎月末日 / month end";
            }
            if (date.getDayOfMonth() != monthlyDay) {
                return "毎月" + monthlyDay + "日 → " + date.getMonthValue() + "月は末日の" + date.getDayOfMonth()
                        + "日 / day " + monthlyDay + " does not exist in this month: its last day";
            }
            return "毎月" + monthlyDay + "日 / monthly on day " + monthlyDay;
        }
        long k = ChronoUnit.DAYS.between(anchorDate, date) / intervalDays;
        return anchorDate + "から" + intervalDays + "日ごと(" + k + "回目) / every " + intervalDays
                + " days from " + anchorDate;
    }
}
