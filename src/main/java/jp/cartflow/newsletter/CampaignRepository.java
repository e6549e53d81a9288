package jp.cartflow.newsletter;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** newsletter_campaign and newsletter_recipient. */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CampaignRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    long insert(long shopId, String subject, String body, Segment segment, Instant sendAt, Campaign.Status status,
                String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO newsletter_campaign (shop_id, subject, body, segment_kind, segment_attribute_no,
                    segment_value, send_at, status, created_by, created_at)
                VALUES (:shop, :subject, :body, :kind, :no, :value, :sendAt, :status, :user, :now)""")
                .param("shop", shopId).param("subject", subject).param("body", body)
                .param("kind", segment.kind().name()).param("no", segment.attributeNo()).param("value", segment.value())
                .param("sendAt", ts(sendAt)).param("status", status.name()).param("user", user).param("now", ts(now))
                .update(keys, "id");
        return ((Number) keys.getKeys().get(keys.getKeys().containsKey("id") ? "id" : "ID")).longValue();
    }

    Optional<Campaign> find(long id) {
        return jdbc.sql("SELECT * FROM newsletter_campaign WHERE id = :id").param("id", id)
                .query(CampaignRepository::map).optional();
    }

    /** Moves the campaign on only from one of {@code from}; false when it was elsewhere (e.g. cancelled). */
    boolean transition(long id, Collection<Campaign.Status> from, Campaign.Status to) {
        return jdbc.sql("UPDATE newsletter_campaign SET status = :to WHERE id = :id AND status IN (:from)")
                .param("to", to.name()).param("id", id).param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    void recordReview(long id, String user, String comment) {
        jdbc.sql("UPDATE newsletter_campaign SET approved_by = :user, review_comment = :comment WHERE id = :id")
                .param("user", user).param("comment", comment).param("id", id).update();
    }

    void markStarted(long id, Instant at) {
        jdbc.sql("UPDATE newsletter_campaign SET started_at = COALESCE(started_at, :at) WHERE id = :id")
                .param("at", ts(at)).param("id", id).update();
    }

    void markCancelledBy(long id, String user) {
        jdbc.sql("UPDATE newsletter_campaign SET cancelled_by = :user WHERE id = :id")
                .param("user", user).param("id", id).update();
    }

    void finish(long id, String report, Instant at) {
        jdbc.sql("UPDATE newsletter_campaign SET report = :report, finished_at = :at WHERE id = :id")
                .param("report", report).param("at", ts(at)).param("id", id).update();
    }

    /** Writes one recipient row per segment member (INSERT … SELECT from member's published view: no member list in memory). */
    int insertRecipients(Campaign campaign, Instant now) {
        SegmentSql where = SegmentSql.of(campaign.segment());
        return jdbc.sql("""
                INSERT INTO newsletter_recipient (campaign_id, member_id, email, domain, status, updated_at)
                SELECT :campaign, m.member_id, LOWER(m.email), LOWER(SUBSTRING(m.email FROM POSITION('@' IN m.email) + 1)),
                    CASE WHEN m.marketing_consent THEN 'QUEUED' ELSE 'SKIPPED_NO_CONSENT' END, :now
                FROM member_contact_view m WHERE m.shop_id = :shop
                AND NOT EXISTS (SELECT 1 FROM newsletter_recipient r
                    WHERE r.campaign_id = :campaign AND r.member_id = m.member_id)
                AND\s""" + where.sql())
                .param("campaign", campaign.id()).param("now", ts(now)).param("shop", campaign.shopId())
                .params(where.params()).update();
    }

    /** A page of still queued recipients, with the member's current consent and name. */
    List<PendingRecipient> queuedPage(long campaignId, long afterId, Collection<String> excludedDomains, int limit) {
        String exclusion = excludedDomains.isEmpty() ? "" : " AND r.domain NOT IN (:excluded)";
        JdbcClient.StatementSpec spec = jdbc.sql("""
                SELECT r.id, r.member_id, r.email, r.domain, m.marketing_consent, m.last_name, m.first_name
                FROM newsletter_recipient r JOIN member_contact_view m ON m.member_id = r.member_id
                WHERE r.campaign_id = :campaign AND r.status = 'QUEUED' AND r.outbox_id IS NULL AND r.id > :after"""
                + exclusion + " ORDER BY r.id FETCH FIRST " + limit + " ROWS ONLY")
                .param("campaign", campaignId).param("after", afterId);
        if (!excludedDomains.isEmpty()) {
            spec = spec.param("excluded", excludedDomains);
        }
        return spec.query((rs, n) -> new PendingRecipient(rs.getLong(1), rs.getLong(2), rs.getString(3),
                rs.getString(4), rs.getBoolean(5), rs.getString(6) + " " + rs.getString(7))).list();
    }

    record PendingRecipient(long id, long memberId, String email, String domain, boolean consented, String name) {
    }

    /** Recipients already handed to the outbox but not yet marked (a batch retried after a crash). */
    List<long[]> handedOver(long campaignId) {
        return jdbc.sql("""
                SELECT id, outbox_id FROM newsletter_recipient
                WHERE campaign_id = :campaign AND status = 'QUEUED' AND outbox_id IS NOT NULL ORDER BY id""")
                .param("campaign", campaignId).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    /** Mails per throttled domain counted in the current rate window. */
    List<Object[]> sentSince(long campaignId, Collection<String> domains, Instant since) {
        if (domains.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT domain, COUNT(*) FROM newsletter_recipient WHERE campaign_id = :campaign
                AND domain IN (:domains) AND outbox_id IS NOT NULL AND updated_at >= :since GROUP BY domain""")
                .param("campaign", campaignId).param("domains", domains).param("since", ts(since))
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)}).list();
    }

    void setStatuses(List<Long> ids, String status, String detail, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE newsletter_recipient SET status = :status, detail = :detail, updated_at = :now WHERE id IN (:ids)")
                .param("status", status).param("detail", detail).param("now", ts(now)).param("ids", ids).update();
    }

    /** One statement per 100 recipients (a {@code CASE} on the id, portable to H2) instead of one per recipient. */
    void setOutboxIds(List<Long> recipientIds, List<Long> outboxIds, Instant now) {
        for (int from = 0; from < recipientIds.size(); from += 100) {
            int to = Math.min(recipientIds.size(), from + 100);
            StringBuilder cases = new StringBuilder("CASE id");
            MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", ts(now))
                    .addValue("ids", recipientIds.subList(from, to));
            for (int i = from; i < to; i++) {
                cases.append(" WHEN :id").append(i).append(" THEN :outbox").append(i);
                params.addValue("id" + i, recipientIds.get(i)).addValue("outbox" + i, outboxIds.get(i));
            }
            named.update("UPDATE newsletter_recipient SET outbox_id = " + cases.append(" END")
                    + ", updated_at = :now WHERE id IN (:ids)", params);
        }
    }

    void setFailed(List<Long> ids, List<String> errors, Instant now) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[ids.size()];
        for (int i = 0; i < rows.length; i++) {
            String error = errors.get(i);
            rows[i] = new MapSqlParameterSource().addValue("id", ids.get(i)).addValue("now", ts(now))
                    .addValue("detail", error == null || error.length() <= 1000 ? error : error.substring(0, 1000));
        }
        named.batchUpdate("UPDATE newsletter_recipient SET status = 'FAILED', detail = :detail, updated_at = :now WHERE id = :id", rows);
    }

    /** Cancel: every recipient not handed over yet is cancelled; what was sent stays recorded. */
    int cancelQueued(long campaignId, Instant now) {
        return jdbc.sql("""
                UPDATE newsletter_recipient SET status = 'CANCELLED', updated_at = :now
                WHERE campaign_id = :campaign AND status = 'QUEUED' AND outbox_id IS NULL""")
                .param("now", ts(now)).param("campaign", campaignId).update();
    }

    CampaignProgress progress(long campaignId) {
        long[] c = new long[6];
        List<Object[]> rows = jdbc.sql("SELECT status, COUNT(*) FROM newsletter_recipient WHERE campaign_id = :campaign GROUP BY status")
                .param("campaign", campaignId).query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)}).list();
        for (Object[] row : rows) {
            int slot = switch ((String) row[0]) {
                case "QUEUED" -> 0;
                case "SENT" -> 1;
                case "SKIPPED_NO_CONSENT" -> 2;
                case "SKIPPED_BOUNCED" -> 3;
                case "FAILED" -> 4;
                default -> 5;
            };
            c[slot] = (Long) row[1];
        }
        return new CampaignProgress(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    private static Campaign map(ResultSet rs, int n) throws SQLException {
        Integer no = (Integer) rs.getObject("segment_attribute_no", Integer.class);
        return new Campaign(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("subject"), rs.getString("body"),
                new Segment(Segment.Kind.valueOf(rs.getString("segment_kind")), no, rs.getString("segment_value")),
                instant(rs, "send_at"), Campaign.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                rs.getString("approved_by"), rs.getString("review_comment"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("report"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
