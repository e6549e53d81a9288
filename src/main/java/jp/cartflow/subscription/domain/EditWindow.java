package jp.cartflow.subscription.domain;

import java.time.Instant;

/** When a subscription may be edited, skipped or unskipped (SUB-20, SUB-21). */
public final class EditWindow {

    private EditWindow() {
    }

    /**
     * SUB-21: on the day of its next generation (or later, while a due generation has not run yet) edits are
     * refused until the generation has run; it then schedules the next one, which opens the subscription again.
     */
    public static boolean lockedForEdits(Instant nextGenerationAt, Instant now, GenerationTiming timing) {
        return nextGenerationAt != null
                && !timing.today(nextGenerationAt).isAfter(timing.today(now));
    }

    /** SUB-20: skip and unskip are possible until the generation time; after it the skip is final. */
    public static boolean skipChangeable(Instant nextGenerationAt, Instant now) {
        return nextGenerationAt != null && now.isBefore(nextGenerationAt);
    }
}
