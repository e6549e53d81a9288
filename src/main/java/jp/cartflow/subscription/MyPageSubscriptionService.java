package jp.cartflow.subscription;

import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.TemplatedMail;
import jp.cartflow.mail.outbox.MailKind;
import jp.cartflow.mail.taglanguage.MailContext;
import jp.cartflow.mail.taglanguage.MemberView;
import jp.cartflow.mail.taglanguage.OrderView;
import jp.cartflow.mail.taglanguage.ShopView;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.member.Member;
import jp.cartflow.member.Members;
import jp.cartflow.member.Recipient;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.subscription.SubscriptionCommands.AddressChange;
import jp.cartflow.subscription.SubscriptionCommands.MyPageDeliveryChange;
import jp.cartflow.payment.PaymentMethodCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The member's own subscriptions on my-page (SUB-26), called by the storefront for its logged-in member. A
 * member may change cycle (shop-enabled kinds only) and time slot, payment method and delivery address when the
 * shop allows each — never carrier, skip, termination or items. Every change mails the shop (SUB-28).
 */
@Service
class MyPageSubscriptionService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final ShopDirectory shops;
    private final SubscriptionQueries subscriptions;
    private final SubscriptionChanges changes;
    private final SubscriptionSettingsRepository settings;
    private final Members members;
    private final Mails mails;

    MyPageSubscriptionService(ShopDirectory shops, SubscriptionQueries subscriptions, SubscriptionChanges changes,
                                     SubscriptionSettingsRepository settings, Members members,
                                     Mails mails) {
        this.shops = shops;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.settings = settings;
        this.members = members;
        this.mails = mails;
    }

    @Transactional(readOnly = true)
    public List<SubscriptionView> list(long memberId, boolean cancelled) {
        member(memberId);
        return subscriptions.search(memberId, cancelled, null, 100);
    }

    @Transactional(readOnly = true)
    public SubscriptionView get(long memberId, String subscriptionNo) {
        own(memberId, subscriptionNo);
        return subscriptions.view(subscriptionNo);
    }

    @Transactional
    public SubscriptionView changeDelivery(long memberId, String subscriptionNo, MyPageDeliveryChange change) {
        SubscriptionView before = own(memberId, subscriptionNo);
        SubscriptionSettings config = settings.get(shops.current().id());
        if (!config.mypageChangeCycle()) {
            throw DomainException.rule("SUB-26", "cycle", "マイページでの配送サイクル変更は許可されていません"
                    + " / the shop does not allow cycle changes on my-page");
        }
        SubscriptionView after = changes.changeDelivery(subscriptionNo, change.cycle(), null,
                change.timeSlotCode(), true, "member:" + memberId);
        String summary = (change.cycle() != null ? "配送サイクル: " + before.cycle() + " → " + after.cycle() + "\n" : "")
                + (change.timeSlotCode() != null ? "お届け時間帯: " + timeSlot(before) + " → " + timeSlot(after)
                + "\n" : "") + "次回お届け予定日: " + (after.nextDeliveryDate() == null ? "なし"
                : after.nextDeliveryDate().format(DAY));
        notifyShop(memberId, after, "の配送サイクルを変更しました", summary);
        return after;
    }

    @Transactional
    public SubscriptionView changePayment(long memberId, String subscriptionNo, PaymentMethodCode method) {
        SubscriptionView before = own(memberId, subscriptionNo);
        if (!settings.get(shops.current().id()).mypageChangePayment()) {
            throw DomainException.rule("SUB-26", "paymentMethod", "マイページでの支払方法変更は許可されていません"
                    + " / the shop does not allow payment changes on my-page");
        }
        SubscriptionView after = changes.changePayment(subscriptionNo, method, "member:" + memberId);
        notifyShop(memberId, after, "の支払方法を変更しました",
                "支払方法: " + before.paymentMethodName() + " → " + after.paymentMethodName());
        return after;
    }

    @Transactional
    public SubscriptionView changeAddress(long memberId, String subscriptionNo, AddressChange change) {
        own(memberId, subscriptionNo);
        if (!settings.get(shops.current().id()).mypageChangeAddress()) {
            throw DomainException.rule("SUB-26", "kind", "マイページでの配送先変更は許可されていません"
                    + " / the shop does not allow address changes on my-page");
        }
        SubscriptionView after = changes.changeAddress(subscriptionNo, change, "member:" + memberId);
        Recipient r = after.recipient();
        notifyShop(memberId, after, "の配送先を変更しました", "配送先: " + r.lastName() + " " + r.firstName() + " 〒"
                + r.zipcode() + " " + r.pref() + r.city() + r.address() + (r.building() == null ? "" : " " + r.building()));
        return after;
    }

    /** SUB-16: the slot as the notice prints it — the carrier's label (14〜16時) or 指定なし, not its code. */
    private String timeSlot(SubscriptionView s) {
        Long carrierId = s.carrierCode() == null ? null
                : shops.carrier(shops.current().id(), s.carrierCode()).map(c -> c.id()).orElse(null);
        return shops.timeSlotText(carrierId, s.timeSlotCode());
    }

    /** SUB-28: 会員情報変更通知 to the shop address and its copy address. */
    private void notifyShop(long memberId, SubscriptionView s, String what, String summary) {
        Shop shop = shops.current();
        Member member = member(memberId);
        MailContext context = MailContext.builder()
                .shop(new ShopView(shop.name(), null, shop.email()))
                .member(MemberView.builder().memberId(String.valueOf(member.id())).loginId(member.loginId())
                        .name(member.lastName(), member.firstName()).email(member.email()).build())
                .order(OrderView.builder().subscriptionNo(s.subscriptionNo()).nextDeliveryDate(s.nextDeliveryDate())
                        .build())
                .changeSummary(member.lastName() + " " + member.firstName() + "(" + member.id() + ") 様が定期購入番号:("
                        + s.subscriptionNo() + ")" + what + "\n" + summary)
                .includeSubscriptionNo(true)
                .build();
        mails.queue(TemplatedMail.of(shop.id(), TemplateKey.MYPAGE_CHANGE_NOTICE, context, Sender.shop(shop),
                        List.of(shop.email()))
                .withCc(shop.copyEmail() == null ? List.of() : List.of(shop.copyEmail())).withKind(MailKind.NOTICE));
    }

    private Member member(long memberId) {
        return members.member(shops.current().id(), memberId)
                .orElseThrow(() -> DomainException.notFound("member " + memberId, "memberId"));
    }

    /** Another member's subscription is "not found" (its existence is not revealed). */
    private SubscriptionView own(long memberId, String subscriptionNo) {
        member(memberId);
        SubscriptionView view = subscriptions.view(subscriptionNo);
        if (view.memberId() != memberId) {
            throw DomainException.notFound("subscription " + subscriptionNo + " of member " + memberId, "subscriptionNo");
        }
        return view;
    }
}
