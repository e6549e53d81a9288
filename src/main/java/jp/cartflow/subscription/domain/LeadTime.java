package jp.cartflow.subscription.domain;

/**
 * The generation lead time L of one subscription (SUB-14): {@code current} applies to the already scheduled
 * next generation, {@code pending} (the shop's changed L, or null) from the generation after it.
 */
public record LeadTime(int current, Integer pending) {

    public LeadTime {
        if (current < 0 || (pending != null && pending < 0)) {
            throw new IllegalArgumentException("lead time must be >= 0 days");
        }
    }

    /** The shop changed L: the next generation keeps its date, the one after uses the new L. */
    public LeadTime changedTo(int days) {
        return days == current ? new LeadTime(current, null) : new LeadTime(current, days);
    }

    /** After the scheduled generation ran (or was skipped): the pending L takes effect. */
    public LeadTime advanced() {
        return pending == null ? this : new LeadTime(pending, null);
    }

    /** The L used for the generation after the next one. */
    public int afterNext() {
        return pending == null ? current : pending;
    }
}
