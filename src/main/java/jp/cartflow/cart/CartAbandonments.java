package jp.cartflow.cart;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.outbox.NewMail;
import jp.cartflow.member.MarketingConsentService;
import jp.cartflow.order.OrderRepository;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Cart abandonment: the one marketing mail a member without consent may get (MKT-1). Registered members only
 * (MKT-2: a guest is no contact). One reminder per cart, after the shop's delay, and only if the cart has not
 * become an order meanwhile — reported by the storefront, or an order carrying the cart id.
 */
@Service
class CartAbandonments {

    static final Duration DEFAULT_DELAY = Duration.ofHours(3);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final MarketingConsentService contacts;
    private final OrderRepository orders;
    private final MailOutbox outbox;
    private final BounceRegistry bounces;
    private final ShopDirectory shops;
    private final CartReminderProcesses engine;

    CartAbandonments(JdbcClient jdbc, Clock clock, MarketingConsentService contacts, OrderRepository orders,
                     MailOutbox outbox, BounceRegistry bounces, ShopDirectory shops, CartReminderProcesses engine) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.contacts = contacts;
        this.orders = orders;
        this.outbox = outbox;
        this.bounces = bounces;
        this.shops = shops;
        this.engine = engine;
    }

    record Item(String name, int quantity) {
    }

    record Abandonment(long id, long shopId, String cartId, long memberId, String cartUrl, String items,
                       Instant remindAt, Instant convertedAt, Instant remindedAt, Long outboxId) {
    }

    @Transactional
    Abandonment report(long shopId, String cartId, Long memberId, List<Item> items, String cartUrl) {
        if (memberId == null) {
            throw DomainException.rule("MKT-2", "memberId", "カゴ落ちメールは登録会員だけに送ります(ゲストの購入者には送りません)");
        }
        MarketingConsentService.MarketingContact member = contacts.contact(shopId, memberId)
                .orElseThrow(() -> DomainException.rule("MKT-2", "memberId", "会員 " + memberId + " は登録されていません"));
        if (find(shopId, cartId).isPresent()) {
            throw DomainException.conflict("cartId", "カート " + cartId + " の放置はすでに報告されています");
        }
        Instant now = clock.instant();
        Instant remindAt = now.plus(delay(shopId));
        StringBuilder lines = new StringBuilder();
        for (Item item : items) {
            lines.append(item.name()).append(" × ").append(item.quantity()).append('\n');
        }
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO cart_abandonment (shop_id, cart_id, member_id, cart_url, items, reported_at, remind_at)
                VALUES (:shop, :cart, :member, :url, :items, :now, :remindAt)""")
                .param("shop", shopId).param("cart", cartId).param("member", member.memberId()).param("url", cartUrl)
                .param("items", lines.toString()).param("now", ts(now)).param("remindAt", ts(remindAt))
                .update(keys, "id");
        Abandonment abandonment = find(shopId, cartId).orElseThrow();
        engine.start(abandonment.cartId(), abandonment.id(), abandonment.remindAt());
        return abandonment;
    }

    /** The storefront says the cart became an order: no reminder (or none any more). */
    @Transactional
    Abandonment converted(long shopId, String cartId) {
        Abandonment a = find(shopId, cartId).orElseThrow(() -> DomainException.notFound("abandoned cart " + cartId, "cartId"));
        jdbc.sql("UPDATE cart_abandonment SET converted_at = COALESCE(converted_at, :now) WHERE id = :id")
                .param("now", ts(clock.instant())).param("id", a.id()).update();
        engine.converted(a.cartId());
        return find(shopId, cartId).orElseThrow();
    }

    /** True when the cart has become an order by now (reported, or an order with the cart id). */
    boolean isConverted(long abandonmentId) {
        Abandonment a = byId(abandonmentId);
        return a.convertedAt() != null || orders.existsForCart(a.shopId(), a.cartId());
    }

    /**
     * Queues and sends the reminder once. No consent needed (MKT-1's exception). A flagged address is skipped
     * and the send never clears a bounce record (it is marketing mail, BNC-3). Returns whether a mail went.
     */
    @Transactional
    boolean sendReminder(long abandonmentId) {
        Abandonment a = byId(abandonmentId);
        if (a.outboxId() != null) {
            outbox.send(a.outboxId()); // a retried step: the outbox sends at most once more with the same id
            return true;
        }
        MarketingConsentService.MarketingContact member = contacts.contact(a.shopId(), a.memberId()).orElseThrow();
        if (bounces.flag(a.shopId(), member.email()).isPresent()) {
            return false;
        }
        Shop shop = shops.byId(a.shopId());
        String body = member.fullName() + " 様\n\n" + shop.name() + " をご利用いただきありがとうございます。\n"
                + "カートに商品が残っています。\n\n" + a.items() + "\nご購入の手続きはこちらから:\n" + a.cartUrl() + "\n\n"
                + shop.name() + "\n" + shop.email() + "\n";
        long outboxId = outbox.queue(new NewMail(a.shopId(), MailKind.NEWSLETTER, null, null, null, Sender.shop(shop),
                List.of(member.email()), List.of(), "【" + shop.name() + "】カートに商品が残っています",
                body, "UTF-8", true));
        jdbc.sql("UPDATE cart_abandonment SET outbox_id = :outbox, reminded_at = :now WHERE id = :id")
                .param("outbox", outboxId).param("now", ts(clock.instant())).param("id", a.id()).update();
        outbox.send(outboxId);
        return true;
    }

    Optional<Abandonment> find(long shopId, String cartId) {
        return jdbc.sql("SELECT * FROM cart_abandonment WHERE shop_id = :shop AND cart_id = :cart")
                .param("shop", shopId).param("cart", cartId).query(CartAbandonments::map).optional();
    }

    Abandonment byId(long id) {
        return jdbc.sql("SELECT * FROM cart_abandonment WHERE id = :id").param("id", id)
                .query(CartAbandonments::map).single();
    }

    private Duration delay(long shopId) {
        return jdbc.sql("SELECT delay_minutes FROM cart_abandonment_settings WHERE shop_id = :shop")
                .param("shop", shopId).query(Integer.class).optional()
                .map(m -> Duration.ofMinutes(m)).orElse(DEFAULT_DELAY);
    }

    private static Abandonment map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Abandonment(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("cart_id"), rs.getLong("member_id"),
                rs.getString("cart_url"), rs.getString("items"), instant(rs, "remind_at"), instant(rs, "converted_at"),
                instant(rs, "reminded_at"), (Long) rs.getObject("outbox_id", Long.class));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime v = rs.getObject(column, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
    }

    private static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
