package jp.cartflow.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Marketing consent of the shop's contacts (MKT-1, MKT-2). Contacts are registered members only: a guest
 * buyer has no member row and is never a contact; a guest who registers is one from that moment. The
 * current value is {@code member.marketing_consent}; every change is also an event with when, who and the
 * channel, so the shop can show where a consent came from.
 */
@Service
public class MarketingConsentService {

    private final JdbcClient jdbc;
    private final Clock clock;

    MarketingConsentService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A registered member as a marketing contact. */
    public record MarketingContact(long memberId, long shopId, String email, String lastName, String firstName,
                                   boolean consented) {
        public String fullName() {
            return lastName + " " + firstName;
        }
    }

    public record MarketingConsentEvent(boolean consented, MarketingConsentChannel channel, String actor,
                                        Instant occurredAt, String note) {
    }

    public Optional<MarketingContact> contact(long shopId, long memberId) {
        return jdbc.sql("""
                SELECT id, shop_id, email, last_name, first_name, marketing_consent FROM member
                WHERE id = :id AND shop_id = :shop""")
                .param("id", memberId).param("shop", shopId)
                .query((rs, n) -> new MarketingContact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    public List<MarketingConsentEvent> history(long memberId) {
        return jdbc.sql("""
                SELECT consented, channel, actor, occurred_at, note FROM member_consent_event
                WHERE member_id = :id ORDER BY occurred_at, id""")
                .param("id", memberId)
                .query((rs, n) -> new MarketingConsentEvent(rs.getBoolean(1),
                        MarketingConsentChannel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)))
                .list();
    }

    /**
     * Sets the member's consent and records the event; returns true when the value changed. Setting the value
     * it has already records nothing (a second click on an unsubscribe link is not a new withdrawal).
     */
    @Transactional
    public boolean change(long shopId, long memberId, boolean consented, MarketingConsentChannel channel,
                          String actor, String note) {
        int changed = jdbc.sql("""
                UPDATE member SET marketing_consent = :consent, updated_at = :now
                WHERE id = :id AND shop_id = :shop AND marketing_consent <> :consent""")
                .param("consent", consented).param("now", now()).param("id", memberId).param("shop", shopId)
                .update();
        if (changed == 0) {
            return false;
        }
        record(memberId, consented, channel, actor, note);
        return true;
    }

    /**
     * The shop's deliberate import when it first switches newsletters on: every member who never gave or
     * withdrew consent through any channel is marked consenting (channel IMPORT). Returns how many.
     */
    @Transactional
    public int importExistingMembersAsConsenting(long shopId, String actor) {
        List<Long> members = jdbc.sql("""
                SELECT m.id FROM member m WHERE m.shop_id = :shop AND m.marketing_consent = FALSE
                AND NOT EXISTS (SELECT 1 FROM member_consent_event e WHERE e.member_id = m.id) ORDER BY m.id""")
                .param("shop", shopId).query(Long.class).list();
        for (long memberId : members) {
            change(shopId, memberId, true, MarketingConsentChannel.IMPORT, actor, "ニュースレター開始時の既存会員インポート");
        }
        return members.size();
    }

    private void record(long memberId, boolean consented, MarketingConsentChannel channel, String actor, String note) {
        jdbc.sql("""
                INSERT INTO member_consent_event (member_id, consented, channel, actor, occurred_at, note)
                VALUES (:member, :consented, :channel, :actor, :now, :note)""")
                .param("member", memberId).param("consented", consented).param("channel", channel.name())
                .param("actor", actor).param("now", now()).param("note", note).update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
