package jp.cartflow.mail.bounce;

import jp.cartflow.mail.bounce.parse.FailedRecipient;
import jp.cartflow.mail.bounce.parse.ParsedMail;
import jp.cartflow.mail.events.BounceFlagged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Records one message of the bounce mailbox and applies the flag rules (BNC-4): a hard bounce flags the address
 * at once; soft bounces flag it when K of them arrived within D days (counted since the last reset). An address
 * that no member and no order of the shop has is recorded but flags no one. Complaints are recorded as their own
 * kind and flag no one either. Runs in the caller's transaction: the collection deletes the message from the
 * mailbox only after that transaction committed.
 */
@Service
public class BounceRecorder {

    private final JdbcClient jdbc;
    private final BounceAddressBook addresses;
    private final ApplicationEventPublisher events;

    public BounceRecorder(JdbcClient jdbc, BounceAddressBook addresses, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.events = events;
    }

    /** What recording one message did. */
    public enum Outcome { RECORDED, ALREADY_RECORDED }

    /** 'mid:' + Message-ID, or the content hash when there is none (BNC-1: a refetched message is not counted twice). */
    public static String messageKey(String messageId, byte[] raw) {
        if (messageId != null && !messageId.isBlank() && messageId.length() < 590) {
            return "mid:" + messageId.strip();
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean alreadyRecorded(long shopId, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM bounce_message WHERE shop_id = :shop AND message_key = :key")
                .param("shop", shopId).param("key", key).query(Long.class).single() > 0;
    }

    public Outcome record(long shopId, long runId, byte[] raw, ParsedMail mail, Instant receivedAt,
                          int softThreshold, int softWindowDays) {
        String key = messageKey(mail.messageId(), raw);
        if (alreadyRecorded(shopId, key)) {
            return Outcome.ALREADY_RECORDED;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO bounce_message (shop_id, run_id, message_key, message_id, verdict, subject, size_bytes,
                                            quarantine_reason, raw_content, received_at)
                VALUES (:shop, :run, :key, :mid, :verdict, :subject, :size, :why, :raw, :at)""")
                .param("shop", shopId).param("run", runId).param("key", key)
                .param("mid", cut(mail.messageId(), 500)).param("verdict", mail.kind().name())
                .param("subject", cut(mail.subject(), 500)).param("size", raw.length)
                .param("why", cut(mail.quarantine(), 500))
                .param("raw", mail.kind() == ParsedMail.Kind.QUARANTINE ? raw : null)
                .param("at", at)
                .update(keys, "id");
        long messageRow = keys.getKey().longValue();
        if (mail.kind() == ParsedMail.Kind.BOUNCE || mail.kind() == ParsedMail.Kind.COMPLAINT) {
            for (FailedRecipient recipient : mail.recipients()) {
                recordRecipient(shopId, messageRow, recipient, mail.kind(), at, softThreshold, softWindowDays);
            }
        }
        return Outcome.RECORDED;
    }

    private void recordRecipient(long shopId, long messageRow, FailedRecipient r, ParsedMail.Kind kind,
                                 OffsetDateTime at, int softThreshold, int softWindowDays) {
        String email = BounceRegistry.normalize(r.address());
        String eventKind = kind == ParsedMail.Kind.COMPLAINT ? "COMPLAINT" : r.hard() ? "HARD" : "SOFT";
        String decision;
        if (kind == ParsedMail.Kind.COMPLAINT) {
            decision = "COMPLAINT";
        } else if (!addresses.knows(shopId, email)) {
            decision = "NO_MEMBER";
        } else {
            decision = applyFlagRule(shopId, email, r, at, softThreshold, softWindowDays);
        }
        jdbc.sql("""
                INSERT INTO bounce_event (shop_id, bounce_message_id, email, bounce_kind, status_code, reason, diagnostic,
                                          received_at, decision)
                VALUES (:shop, :message, :email, :kind, :status, :reason, :diagnostic, :at, :decision)""")
                .param("shop", shopId).param("message", messageRow).param("email", email).param("kind", eventKind)
                .param("status", cut(r.status(), 16)).param("reason", r.reason().name())
                .param("diagnostic", cut(r.diagnostic(), 2000)).param("at", at).param("decision", decision)
                .update();
    }

    /** BNC-4 on the address's bounce_record (one row per shop and address). */
    private String applyFlagRule(long shopId, String email, FailedRecipient r, OffsetDateTime at, int softThreshold,
                                 int softWindowDays) {
        record Current(boolean flagged, OffsetDateTime clearedAt) {
        }
        Current current = jdbc.sql("SELECT flagged, cleared_at FROM bounce_record WHERE shop_id = :shop AND email = :email")
                .param("shop", shopId).param("email", email)
                .query((rs, n) -> new Current(rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class)))
                .optional().orElse(null);
        String diagnostic = cut(((r.status() == null ? "" : r.status() + " ") + r.reason().label() + " — "
                + (r.diagnostic() == null ? "" : r.diagnostic())).strip(), 2000);
        if (current != null && current.flagged()) {
            jdbc.sql("""
                    UPDATE bounce_record SET bounce_count = bounce_count + 1, last_bounced_at = :at, diagnostic = :diag,
                           bounce_kind = CASE WHEN :hard THEN 'HARD' ELSE bounce_kind END
                    WHERE shop_id = :shop AND email = :email""")
                    .param("at", at).param("diag", diagnostic).param("hard", r.hard())
                    .param("shop", shopId).param("email", email).update();
            return "ALREADY_FLAGGED";
        }
        boolean flag;
        int count;
        if (r.hard()) {
            flag = true;
            count = 1;
        } else {
            OffsetDateTime since = at.minus(Duration.ofDays(softWindowDays));
            if (current != null && current.clearedAt() != null && current.clearedAt().isAfter(since)) {
                since = current.clearedAt();
            }
            // this event is inserted after the decision: count the earlier ones, plus this one
            count = jdbc.sql("""
                    SELECT COUNT(*) FROM bounce_event WHERE shop_id = :shop AND email = :email AND bounce_kind = 'SOFT'
                    AND decision IN ('COUNTED', 'FLAGGED') AND received_at > :since""")
                    .param("shop", shopId).param("email", email).param("since", since)
                    .query(Integer.class).single() + 1;
            flag = count >= softThreshold;
        }
        if (current == null) {
            jdbc.sql("""
                    INSERT INTO bounce_record (shop_id, email, bounce_kind, bounce_count, first_bounced_at, last_bounced_at,
                                               flagged, diagnostic)
                    VALUES (:shop, :email, :kind, :count, :at, :at, :flagged, :diag)""")
                    .param("shop", shopId).param("email", email).param("kind", r.hard() ? "HARD" : "SOFT")
                    .param("count", count).param("at", at).param("flagged", flag).param("diag", diagnostic).update();
        } else {
            jdbc.sql("""
                    UPDATE bounce_record SET bounce_kind = :kind, bounce_count = :count, last_bounced_at = :at,
                           flagged = :flagged, diagnostic = :diag
                    WHERE shop_id = :shop AND email = :email""")
                    .param("kind", r.hard() ? "HARD" : "SOFT").param("count", count).param("at", at)
                    .param("flagged", flag).param("diag", diagnostic).param("shop", shopId).param("email", email).update();
        }
        if (flag) {
            // BNC-2: in this transaction, so a webhook exists exactly when the flag committed (ADR 0005)
            events.publishEvent(new BounceFlagged(shopId, email, r.hard() ? "HARD" : "SOFT", count, diagnostic,
                    at.toInstant()));
        }
        return flag ? "FLAGGED" : "COUNTED";
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).replace('\u0000', ' ');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
