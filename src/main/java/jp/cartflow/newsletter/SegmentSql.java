package jp.cartflow.newsletter;

import java.util.HashMap;
import java.util.Map;

/** The WHERE condition on {@code member m} that selects a segment. */
record SegmentSql(String sql, Map<String, Object> params) {

    static SegmentSql of(Segment segment) {
        Map<String, Object> params = new HashMap<>();
        String sql = switch (segment.kind()) {
            case ALL_CONSENTING -> "m.marketing_consent = TRUE";
            case ATTRIBUTE -> {
                params.put("segmentNo", segment.attributeNo());
                params.put("segmentValue", segment.value());
                yield """
                        EXISTS (SELECT 1 FROM member_attribute_value v
                            JOIN member_attribute_definition d ON d.id = v.definition_id
                            WHERE v.member_id = m.id AND d.shop_id = m.shop_id AND d.attribute_no = :segmentNo
                            AND v.attribute_value = :segmentValue)""";
            }
            case SUBSCRIPTION -> "ACTIVE".equals(segment.value())
                    ? "EXISTS (SELECT 1 FROM subscription s WHERE s.member_id = m.id AND s.status = 'ACTIVE')"
                    : """
                    EXISTS (SELECT 1 FROM subscription s WHERE s.member_id = m.id)
                    AND NOT EXISTS (SELECT 1 FROM subscription s WHERE s.member_id = m.id AND s.status = 'ACTIVE')""";
        };
        return new SegmentSql(sql, params);
    }
}
