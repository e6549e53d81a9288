package jp.cartflow.order;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.outbox.NewMail;
import jp.cartflow.mail.template.RenderedMail;
import jp.cartflow.mail.template.TemplateKey;
import jp.cartflow.mail.templates.MailTemplateStore;
import jp.cartflow.mail.templates.StoredTemplate;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The order-confirmation mail (ご注文確認) to the customer and, unchanged, to every inventory tool whose
 * forwarding is on (MAIL-4): TEMPOSTAR or zaikoRobot parse it to move their stock. A tool switched off
 * gets nothing, and nothing is queued for it (002 warns that queued mails are imported and billed in a
 * burst when a tool comes back).
 */
@Service
public class OrderConfirmationMails {

    private final ShopDirectory shops;
    private final OrderRepository orders;
    private final MailTemplateStore templates;
    private final OrderMailContexts mailContexts;
    private final MailOutbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final BounceRegistry bounces;

    public OrderConfirmationMails(ShopDirectory shops, OrderRepository orders, MailTemplateStore templates,
                                  OrderMailContexts mailContexts, MailOutbox outbox, JdbcClient jdbc, Clock clock,
                                  BounceRegistry bounces) {
        this.bounces = bounces;
        this.shops = shops;
        this.orders = orders;
        this.templates = templates;
        this.mailContexts = mailContexts;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Queued(long customerMailId, List<Long> forwardedMailIds) {
    }

    record Tool(long id, String code, String intakeAddress) {
    }

    @Transactional
    public Queued queue(String orderNo, boolean includeSubscriptionNo, String actor) {
        return queue(orderNo, includeSubscriptionNo, actor, false);
    }

    /** BNC-2: a flagged recipient needs {@code confirmBounced}; the confirmation is recorded with the user. */
    @Transactional
    public Queued queue(String orderNo, boolean includeSubscriptionNo, String actor, boolean confirmBounced) {
        Shop shop = shops.current();
        Order order = orders.findByOrderNo(shop.id(), orderNo)
                .orElseThrow(() -> ApiException.notFound("order " + orderNo, "orderNo"));
        bounces.requireConfirmation(shop.id(), order.email(), confirmBounced).ifPresent(note ->
                orders.appendEvent(order.id(), actor, "BOUNCE_WARNING_CONFIRMED", note, clock.instant()));
        StoredTemplate template = templates.forSending(shop.id(), TemplateKey.ORDER_CONFIRMATION);
        RenderedMail rendered = template.parsed().render(mailContexts.forOrder(shop, order, includeSubscriptionNo));
        NewMail mail = new NewMail(shop.id(), MailKind.TRANSACTIONAL, TemplateKey.ORDER_CONFIRMATION.name(),
                order.id(), null, shop.email(), shop.name(), List.of(order.email()), List.of(), rendered.subject(),
                rendered.body(), template.charset(), false);
        long customerMail = outbox.queue(mail);
        List<Long> forwards = new ArrayList<>();
        for (Tool tool : enabledTools(shop.id())) {
            forwards.add(outbox.queue(mail.forwardedTo(tool.intakeAddress(), tool.id())));
        }
        orders.appendEvent(order.id(), actor, "ORDER_CONFIRMATION_QUEUED", "outbox " + customerMail
                + (forwards.isEmpty() ? "" : ", forwarded to inventory tools: outbox " + forwards), clock.instant());
        return new Queued(customerMail, forwards);
    }

    private List<Tool> enabledTools(long shopId) {
        return jdbc.sql("""
                SELECT id, tool_code, intake_address FROM inventory_tool
                WHERE shop_id = :shop AND forwarding_enabled = TRUE AND intake_address IS NOT NULL ORDER BY id""")
                .param("shop", shopId)
                .query((rs, n) -> new Tool(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
