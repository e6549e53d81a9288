package jp.cartflow.inventory;

import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailSent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * MAIL-4: the record of every order mail forwarded to an inventory tool (message id, tool, shop, time), written in
 * the sending transaction when the SMTP server accepted it. Shops use it to check a tool's bill.
 */
@Repository
class ForwardAudit {

    record Entry(String messageId, String tool, long shopId, Long orderId, String address, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    ForwardAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void sent(MailSent mail) {
        if (mail.kind() != MailKind.FORWARD || mail.inventoryToolId() == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO inventory_forward_audit (tool_id, shop_id, outbox_id, message_id, order_id, address, sent_at)
                VALUES (:tool, :shop, :outbox, :messageId, :order, :address, :at)""")
                .param("tool", mail.inventoryToolId()).param("shop", mail.shopId()).param("outbox", mail.outboxId())
                .param("messageId", mail.messageId()).param("order", mail.orderId())
                .param("address", String.join(",", mail.to())).param("at", mail.sentAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<Entry> forTool(long toolId, int limit) {
        return jdbc.sql("""
                SELECT a.message_id, t.tool_code, a.shop_id, a.order_id, a.address, a.sent_at
                FROM inventory_forward_audit a JOIN inventory_tool t ON t.id = a.tool_id
                WHERE a.tool_id = :tool ORDER BY a.sent_at DESC, a.id DESC LIMIT :limit""")
                .param("tool", toolId).param("limit", limit)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getObject(4, Long.class),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
    }
}
