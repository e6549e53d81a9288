package jp.cartflow.newsletter;

import java.time.Instant;

/** One newsletter campaign (table newsletter_campaign). */
record Campaign(long id, long shopId, String subject, String body, Segment segment, Instant sendAt, Status status,
                String createdBy, String approvedBy, String reviewComment, Instant startedAt, Instant finishedAt,
                String report) {

    enum Status { AWAITING_APPROVAL, RETURNED, SCHEDULED, SENDING, SENT, CANCELLED }

    String businessKey() {
        return "NL-" + id;
    }
}
