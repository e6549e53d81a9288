package jp.cartflow.newsletter;

import java.util.HashMap;
import java.util.Map;

/**
 * The WHERE condition on {@code member_contact_view m} that selects a segment, through the views member and
 * subscription publish (V55): the segment is selected in the database, no member list in memory.
 */
record SegmentSql(String sql, Map<String, Object> params) {

    static SegmentSql of(Segment segment) {
        Map<String, Object> params = new HashMap<>();
        String sql = switch (segment.kind()) {
            case ALL_CONSENTING -> "m.marketing_consent = TRUE";
            case ATTRIBUTE -> {
                params.put("segmentNo", segment.attributeNo());
                params.put("segmentValue", segment.value());
                yield """
                        EXISTS (SELECT 1 FROM member_attribute_view v
                            WHERE v.member_id = m.member_id AND v.shop_id = m.shop_id AND v.attribute_no = :segmentNo
                            AND v.attribute_value = :segmentValue)""";
            }
            case SUBSCRIPTION -> "ACTIVE".equals(segment.value())
                    ? "EXISTS (SELECT 1 FROM subscription_member_view s WHERE s.member_id = m.member_id AND s.status = 'ACTIVE')"
                    : """
                    EXISTS (SELECT 1 FROM subscription_member_view s WHERE s.member_id = m.member_id)
                    AND NOT EXISTS (SELECT 1 FROM subscription_member_view s
                        WHERE s.member_id = m.member_id AND s.status = 'ACTIVE')""";
        };
        return new SegmentSql(sql, params);
    }
}
