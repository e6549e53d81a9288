package jp.cartflow.order;

import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.outbox.NewMail;
import jp.cartflow.mail.outbox.OutboxMail;
import jp.cartflow.order.events.OrderConfirmationQueued;
import jp.cartflow.mail.template.RenderedMail;
import jp.cartflow.mail.template.TemplateKey;
import jp.cartflow.mail.templates.MailTemplateStore;
import jp.cartflow.mail.templates.StoredTemplate;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The order-confirmation mail (ご注文確認) to the customer. Queuing it publishes {@link OrderConfirmationQueued}
 * in the same transaction; the inventory room forwards the mail to its tools (MAIL-4), and the ids of those
 * forwards are reported back.
 */
@Service
public class OrderConfirmationMails {

    private final ShopDirectory shops;
    private final OrderRepository orders;
    private final MailTemplateStore templates;
    private final OrderMailContexts mailContexts;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OrderConfirmationMails(ShopDirectory shops, OrderRepository orders, MailTemplateStore templates,
                                  OrderMailContexts mailContexts, MailOutbox outbox, ApplicationEventPublisher events,
                                  Clock clock) {
        this.shops = shops;
        this.orders = orders;
        this.templates = templates;
        this.mailContexts = mailContexts;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    public record Queued(long customerMailId, List<Long> forwardedMailIds) {
    }

    @Transactional
    public Queued queue(String orderNo, boolean includeSubscriptionNo, String actor) {
        Shop shop = shops.current();
        Order order = orders.findByOrderNo(shop.id(), orderNo)
                .orElseThrow(() -> ApiException.notFound("order " + orderNo, "orderNo"));
        StoredTemplate template = templates.forSending(shop.id(), TemplateKey.ORDER_CONFIRMATION);
        RenderedMail rendered = template.parsed().render(mailContexts.forOrder(shop, order, includeSubscriptionNo));
        NewMail mail = new NewMail(shop.id(), MailKind.TRANSACTIONAL, TemplateKey.ORDER_CONFIRMATION.name(),
                order.id(), null, shop.email(), shop.name(), List.of(order.email()), List.of(), rendered.subject(),
                rendered.body(), template.charset(), false);
        long customerMail = outbox.queue(mail);
        events.publishEvent(new OrderConfirmationQueued(order.id(), shop.id(), order.orderNo(), customerMail,
                clock.instant()));
        List<Long> forwards = outbox.forOrder(order.id()).stream()
                .filter(m -> m.kind() == MailKind.FORWARD && m.id() > customerMail).map(OutboxMail::id).toList();
        orders.appendEvent(order.id(), actor, "ORDER_CONFIRMATION_QUEUED", "outbox " + customerMail
                + (forwards.isEmpty() ? "" : ", forwarded to inventory tools: outbox " + forwards), clock.instant());
        return new Queued(customerMail, forwards);
    }
}
