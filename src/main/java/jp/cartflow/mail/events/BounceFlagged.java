package jp.cartflow.mail.events;

import java.time.Instant;

/**
 * BNC-2: an address was flagged as bouncing (hard, or soft often enough); mails to it now wait for an operator.
 * Published by the code that sets {@code bounce_record.flagged}, in its transaction.
 */
public record BounceFlagged(long shopId, String email, String kind, int count, String diagnostic, Instant occurredAt) {

    public String type() {
        return "bounce.flagged";
    }
}
