package jp.cartflow.order;

import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.TemplatedMail;
import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.outbox.OutboxMail;
import jp.cartflow.order.events.OrderConfirmationQueued;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.platform.errors.DomainException;
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
class OrderConfirmationMails {

    private final ShopDirectory shops;
    private final OrderRepository orders;
    private final Mails mails;
    private final OrderMailContexts mailContexts;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OrderConfirmationMails(ShopDirectory shops, OrderRepository orders, Mails mails,
                                  OrderMailContexts mailContexts, MailOutbox outbox, ApplicationEventPublisher events,
                                  Clock clock) {
        this.shops = shops;
        this.orders = orders;
        this.mails = mails;
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
                .orElseThrow(() -> DomainException.notFound("order " + orderNo, "orderNo"));
        long customerMail = mails.queue(TemplatedMail.of(shop.id(), TemplateKey.ORDER_CONFIRMATION,
                mailContexts.forOrder(shop, order, includeSubscriptionNo), Sender.shop(shop), List.of(order.email()))
                .aboutOrder(order.id()));
        events.publishEvent(new OrderConfirmationQueued(order.id(), shop.id(), order.orderNo(), customerMail,
                clock.instant()));
        List<Long> forwards = outbox.forOrder(order.id()).stream()
                .filter(m -> m.kind() == MailKind.FORWARD && m.id() > customerMail).map(OutboxMail::id).toList();
        orders.appendEvent(order.id(), actor, "ORDER_CONFIRMATION_QUEUED", "outbox " + customerMail
                + (forwards.isEmpty() ? "" : ", forwarded to inventory tools: outbox " + forwards), clock.instant());
        return new Queued(customerMail, forwards);
    }
}
