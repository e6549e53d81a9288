package jp.cartflow.newsletter;

/**
 * Who a campaign is for. Members outside consent are still counted (as "skipped, no consent") so the report
 * shows what the segment held.
 *
 * @param kind        ALL_CONSENTING, ATTRIBUTE (member custom attribute {@code attributeNo} = {@code value}) or
 *                    SUBSCRIPTION ({@code value} ACTIVE: has an active subscription; ENDED: had subscriptions,
 *                    none active)
 */
record Segment(Kind kind, Integer attributeNo, String value) {

    enum Kind { ALL_CONSENTING, ATTRIBUTE, SUBSCRIPTION }
}
