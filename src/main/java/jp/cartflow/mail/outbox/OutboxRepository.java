package jp.cartflow.mail.outbox;

import jp.cartflow.mail.smtp.MessageIds;
import org.springframework.jdbc.core.ConnectionCallback;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

@Repository
class OutboxRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    OutboxRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    long insert(NewMail mail, String provisionalMessageId, Instant now, Instant nextAttemptAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO mail_outbox (shop_id, message_id, kind, template_key, order_id, inventory_tool_id,
                    envelope_from, from_address, to_address, cc_address, subject, body, charset, status,
                    attempts, next_attempt_at, created_at, extra_headers)
                VALUES (:shop, :messageId, :kind, :templateKey, :orderId, :toolId, :envelopeFrom, :from, :to, :cc,
                    :subject, :body, :charset, 'QUEUED', 0, :next, :now, :headers)""")
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
                .param("headers", formatHeaders(mail.headers()))
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

    /**
     * Claims up to {@code limit} due dispatcher mails for the rest of the transaction: row locks with SKIP LOCKED, so
     * several nodes claim at once and never the same mail; a mail another node holds is left to it.
     */
    List<OutboxMail> claimDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM mail_outbox WHERE status = 'QUEUED' AND next_attempt_at IS NOT NULL
                AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", timestamp(now)).param("limit", limit).query(OutboxRepository::map).list();
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

    /** MAIL-4: the forward's tool is off; the mail is kept for the record but never sent. */
    void markWithheld(long id, Instant at) {
        jdbc.sql("""
                UPDATE mail_outbox SET status = 'WITHHELD', next_attempt_at = NULL,
                    last_error = :reason WHERE id = :id AND status = 'QUEUED'""")
                .param("reason", "withheld " + at + ": the inventory tool's forwarding is off").param("id", id).update();
    }

    /** MAIL-4: the queued forwards of one inventory tool. */
    List<Long> queuedForwards(long inventoryToolId) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE inventory_tool_id = :tool AND status = 'QUEUED' ORDER BY id")
                .param("tool", inventoryToolId).query(Long.class).list();
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
                (Long) rs.getObject("order_id", Long.class), (Long) rs.getObject("inventory_tool_id", Long.class),
                rs.getString("envelope_from"),
                rs.getString("from_address"), split(rs.getString("to_address")), split(rs.getString("cc_address")),
                rs.getString("subject"), rs.getString("body"), rs.getString("charset"),
                OutboxMail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), rs.getString("smtp_reply"),
                instant(rs, "created_at"), instant(rs, "sent_at"), parseHeaders(rs.getString("extra_headers")));
    }

    /**
     * Queues many mails with one JDBC batch (newsletter batches); returns the ids in input order. Every Message-ID
     * has the form {@link jp.cartflow.mail.smtp.MessageIds#forOutbox} makes, {@code <outbox-id.uuid@domain>}.
     * On PostgreSQL the ids are drawn from the table's sequence first (one statement), so each row is written once
     * with its final Message-ID; elsewhere (H2, the demo) each row gets a provisional {@code <pending.uuid@domain>}
     * first and one statement turns them into their final form.
     */
    List<Long> insertAll(List<NewMail> mails, List<String> uuids, String messageIdDomain, Instant now) {
        if (mails.isEmpty()) {
            return List.of();
        }
        // a set-returning function in the select list: nextval runs once per row it yields
        List<Long> reserved = isPostgres() ? jdbc.sql(
                        "SELECT nextval(pg_get_serial_sequence('mail_outbox', 'id')), generate_series(1, :n)")
                .param("n", mails.size()).query((rs, row) -> rs.getLong(1)).list() : null;
        MapSqlParameterSource[] rows = new MapSqlParameterSource[mails.size()];
        for (int i = 0; i < rows.length; i++) {
            NewMail mail = mails.get(i);
            String messageId = reserved == null ? "<pending." + uuids.get(i) + "@" + messageIdDomain + ">"
                    : MessageIds.forOutbox(reserved.get(i), uuids.get(i), messageIdDomain);
            rows[i] = new MapSqlParameterSource()
                    .addValue("shop", mail.shopId()).addValue("messageId", messageId)
                    .addValue("kind", mail.kind().name()).addValue("templateKey", mail.templateKey())
                    .addValue("envelopeFrom", mail.sender().envelopeFrom()).addValue("from", formatFrom(mail))
                    .addValue("to", String.join(",", mail.to())).addValue("subject", mail.subject())
                    .addValue("body", mail.body()).addValue("charset", mail.charset())
                    .addValue("now", timestamp(now)).addValue("headers", formatHeaders(mail.headers()));
            if (reserved != null) {
                rows[i].addValue("id", reserved.get(i));
            }
        }
        String columns = """
                shop_id, message_id, kind, template_key, envelope_from, from_address,
                    to_address, subject, body, charset, status, attempts, created_at, extra_headers""";
        String values = """
                :shop, :messageId, :kind, :templateKey, :envelopeFrom, :from, :to, :subject, :body, :charset,
                    'QUEUED', 0, :now, :headers""";
        if (reserved != null) {
            insertRows("INSERT INTO mail_outbox (id, " + columns + ") VALUES ", "(:id, " + values + ")", rows);
            return reserved;
        }
        KeyHolder keys = new GeneratedKeyHolder();
        named.batchUpdate("INSERT INTO mail_outbox (" + columns + ") VALUES (" + values + ")", rows, keys,
                new String[]{"id"});
        List<Long> ids = keys.getKeyList().stream().map(k -> ((Number) k.get(k.containsKey("id") ? "id" : "ID")).longValue())
                .toList();
        jdbc.sql("""
                UPDATE mail_outbox SET message_id = REPLACE(message_id, '<pending.', CONCAT('<outbox-', CAST(id AS VARCHAR(20)), '.'))
                WHERE id IN (:ids)""").param("ids", ids).update();
        return ids;
    }

    private static final int ROWS_PER_INSERT = 100;

    /** Multi-row INSERTs of {@link #ROWS_PER_INSERT} rows each (one statement to parse and plan per chunk). */
    private void insertRows(String insert, String rowTemplate, MapSqlParameterSource[] rows) {
        for (int from = 0; from < rows.length; from += ROWS_PER_INSERT) {
            int to = Math.min(rows.length, from + ROWS_PER_INSERT);
            StringBuilder sql = new StringBuilder(insert);
            MapSqlParameterSource params = new MapSqlParameterSource();
            for (int i = from; i < to; i++) {
                String suffix = "_" + (i - from);
                sql.append(i > from ? ", " : "").append(rowTemplate.replaceAll(":(\\w+)", ":$1" + suffix));
                for (String name : rows[i].getParameterNames()) {
                    params.addValue(name + suffix, rows[i].getValue(name));
                }
            }
            named.update(sql.toString(), params);
        }
    }

    private Boolean postgres;

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = named.getJdbcTemplate().execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }

    List<OutboxMail> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query(OutboxRepository::map).list();
    }

    /**
     * Marks many mails sent with one statement: every row gets its own SMTP reply through a {@code CASE} on the id
     * (portable to H2), so PostgreSQL parses and plans once per chunk instead of once per mail.
     */
    void markAllSent(List<Long> ids, List<String> replies, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder cases = new StringBuilder("CASE id");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("at", timestamp(at)).addValue("ids", ids);
        for (int i = 0; i < ids.size(); i++) {
            cases.append(" WHEN :id").append(i).append(" THEN :reply").append(i);
            params.addValue("id" + i, ids.get(i)).addValue("reply" + i, truncate(replies.get(i), 1000));
        }
        cases.append(" END");
        named.update("UPDATE mail_outbox SET status = 'SENT', attempts = attempts + 1, smtp_reply = " + cases
                + ", sent_at = :at, next_attempt_at = NULL, last_error = NULL WHERE id IN (:ids)", params);
    }

    static String formatHeaders(Map<String, String> headers) {
        if (headers == null || headers.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append('\n'));
        return sb.toString();
    }

    static Map<String, String> parseHeaders(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : stored.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
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
