package jp.cartflow.mail.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewMail mail, String provisionalMessageId, Instant now, Instant nextAttemptAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mail_outbox (shop_id, message_id, kind, template_key, order_id, inventory_tool_id,
                    envelope_from, from_address, to_address, cc_address, subject, body, charset, status,
                    attempts, next_attempt_at, created_at)
                VALUES (:shop, :messageId, :kind, :templateKey, :orderId, :toolId, :envelopeFrom, :from, :to, :cc,
                    :subject, :body, :charset, 'QUEUED', 0, :next, :now)""")
                .param("shop", mail.shopId())
                .param("messageId", provisionalMessageId)
                .param("kind", mail.kind().name())
                .param("templateKey", mail.templateKey())
                .param("orderId", mail.orderId())
                .param("toolId", mail.inventoryToolId())
                .param("envelopeFrom", mail.sender().envelopeFrom())
                .param("from", formatFrom(mail))
                .param("to", String.join(",", mail.to()))
                .param("cc", mail.cc().isEmpty() ? null : String.join(",", mail.cc()))
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("charset", mail.charset())
                .param("next", timestamp(nextAttemptAt))
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Long.class) != null ? keys.getKeyAs(Long.class) : keys.getKey().longValue();
    }

    /** A copy of a queued mail, unchanged but for the recipient, as a FORWARD (MAIL-4). */
    long insertForward(long originalId, String address, Long inventoryToolId, String provisionalMessageId,
                       Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mail_outbox (shop_id, message_id, kind, template_key, order_id, inventory_tool_id,
                    envelope_from, from_address, to_address, cc_address, subject, body, charset, status,
                    attempts, next_attempt_at, created_at)
                SELECT shop_id, :messageId, 'FORWARD', template_key, order_id, :toolId, envelope_from, from_address,
                    :to, NULL, subject, body, charset, 'QUEUED', 0, :now, :now
                FROM mail_outbox WHERE id = :original""")
                .param("messageId", provisionalMessageId).param("toolId", inventoryToolId).param("to", address)
                .param("now", timestamp(now)).param("original", originalId)
                .update(keys, "id");
        return keys.getKeyAs(Long.class) != null ? keys.getKeyAs(Long.class) : keys.getKey().longValue();
    }

    void setMessageId(long id, String messageId) {
        jdbc.sql("UPDATE mail_outbox SET message_id = :messageId WHERE id = :id")
                .param("messageId", messageId).param("id", id).update();
    }

    Optional<OutboxMail> find(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id").param("id", id).query(OutboxRepository::map).optional();
    }

    /** Locks the row, so a mail is never sent by two workers at once. */
    Optional<OutboxMail> lock(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id FOR UPDATE").param("id", id)
                .query(OutboxRepository::map).optional();
    }

    List<Long> dueForDispatch(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM mail_outbox WHERE status = 'QUEUED' AND next_attempt_at IS NOT NULL
                AND next_attempt_at <= :now ORDER BY next_attempt_at, id""")
                .param("now", timestamp(now)).query(Long.class).list().stream().limit(limit).toList();
    }

    List<OutboxMail> forOrder(long orderId) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE order_id = :orderId ORDER BY id")
                .param("orderId", orderId).query(OutboxRepository::map).list();
    }

    void markSent(long id, String reply, Instant at) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, smtp_reply = :reply, sent_at = :at,
                    next_attempt_at = NULL, last_error = NULL WHERE id = :id""")
                .param("reply", truncate(reply, 1000)).param("at", timestamp(at)).param("id", id).update();
    }

    void markAttemptFailed(long id, boolean permanent, String error, String reply, Instant nextAttemptAt) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = :status, attempts = attempts + 1, last_error = :error,
                    smtp_reply = :reply, next_attempt_at = :next WHERE id = :id""")
                .param("status", permanent ? "FAILED" : "QUEUED")
                .param("error", truncate(error, 2000))
                .param("reply", truncate(reply, 1000))
                .param("next", timestamp(nextAttemptAt))
                .param("id", id).update();
    }

    private static String formatFrom(NewMail mail) {
        return mail.sender().name() == null || mail.sender().name().isBlank()
                ? mail.sender().address() : mail.sender().name() + " <" + mail.sender().address() + ">";
    }

    private static OutboxMail map(ResultSet rs, int row) throws SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("message_id"),
                MailKind.valueOf(rs.getString("kind")), rs.getString("template_key"),
                (Long) rs.getObject("order_id", Long.class), rs.getString("envelope_from"),
                rs.getString("from_address"), split(rs.getString("to_address")), split(rs.getString("cc_address")),
                rs.getString("subject"), rs.getString("body"), rs.getString("charset"),
                OutboxMail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("smtp_reply"),
                instant(rs, "created_at"), instant(rs, "sent_at"));
    }

    private static List<String> split(String addresses) {
        return addresses == null || addresses.isBlank() ? List.of()
                : Arrays.stream(addresses.split(",")).map(String::strip).toList();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
