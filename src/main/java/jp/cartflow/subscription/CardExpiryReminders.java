package jp.cartflow.subscription;

import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.mail.TemplatedMail;
import java.util.Optional;
import jp.cartflow.mail.taglanguage.MailContext;
import jp.cartflow.mail.taglanguage.MemberView;
import jp.cartflow.mail.taglanguage.ShopView;
import jp.cartflow.mail.taglanguage.TemplateError;
import jp.cartflow.mail.taglanguage.TemplateKey;
import jp.cartflow.member.Member;
import jp.cartflow.member.MemberProfile;
import jp.cartflow.member.Members;
import jp.cartflow.payment.CardsOnFile;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SUB-29 card expiry reminders: subscriptions paying by a card that expires within the shop's window or has
 * expired. Sent automatically once per card expiry (when the shop enables it), in bulk over selected
 * subscriptions, or one by one with edited text. Mails go through the outbox (bracket tags, {@link MemberView}).
 */
@Service
public class CardExpiryReminders {

    private final ShopDirectory shops;
    private final SubscriptionSettingsRepository settings;
    private final SubscriptionRepository subscriptions;
    private final Members members;
    private final CardsOnFile cards;
    private final Mails mails;
    private final Clock clock;

    public CardExpiryReminders(ShopDirectory shops, SubscriptionSettingsRepository settings,
                               SubscriptionRepository subscriptions, Members members, CardsOnFile cards,
                               Mails mails,
                               Clock clock) {
        this.shops = shops;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.members = members;
        this.cards = cards;
        this.mails = mails;
        this.clock = clock;
    }

    public record Target(String subscriptionNo, long memberId, String memberName, String email, String maskedNumber,
                         LocalDate expiresOn, boolean expired, Instant remindedAt) {
    }

    /** Subscriptions paying by a card that expires within the window or has expired. */
    @Transactional(readOnly = true)
    public List<Target> targets() {
        return targets(shops.current().id());
    }

    List<Target> targets(long shopId) {
        SubscriptionSettings config = settings.get(shopId);
        LocalDate today = config.timing().today(clock.instant());
        LocalDate horizon = today.plusDays(config.cardExpiryWindowDays());
        List<Target> out = new ArrayList<>();
        for (Subscription s : subscriptions.search(shopId, new SubscriptionRepository.Filter(null, false, null, 10000))) {
            if (!s.paymentMethod().isCard()) {
                continue;
            }
            cards.card(s.memberId()).filter(card -> !card.expiresOn().isAfter(horizon)).ifPresent(card -> {
                Member m = members.member(shopId, s.memberId()).orElseThrow();
                out.add(new Target(s.subscriptionNo(), m.id(), m.lastName() + " " + m.firstName(), m.email(),
                        card.maskedNumber(), card.expiresOn(), card.expiresOn().isBefore(today),
                        card.expiryRemindedAt()));
            });
        }
        return out;
    }

    /**
     * The daily automatic send (process step): when the shop enables it, every target card not reminded yet for
     * its current expiry gets one mail per member; the card is marked so it is reminded once.
     */
    @Transactional
    public int sendAutomatic() {
        int sent = 0;
        for (long shopId : settings.shopsWithAutomaticCardExpiryReminders()) {
            Shop shop = shops.byId(shopId);
            Set<Long> done = new LinkedHashSet<>();
            for (Target t : targets(shopId)) {
                CardsOnFile.Card card = cards.card(t.memberId()).orElseThrow();
                if (card.expiryRemindedAt() != null || !done.add(t.memberId())) {
                    continue;
                }
                queue(shop, t.memberId(), null, null);
                cards.markExpiryReminded(card.id(), clock.instant());
                sent++;
            }
        }
        return sent;
    }

    /** Manual bulk send over selected subscriptions (the standard text); returns the number of mails. */
    @Transactional
    public int sendBulk(List<String> subscriptionNos) {
        Shop shop = shops.current();
        List<Target> targets = targets(shop.id());
        Set<Long> members = new LinkedHashSet<>();
        for (int i = 0; i < subscriptionNos.size(); i++) {
            String no = subscriptionNos.get(i);
            Target t = targets.stream().filter(x -> x.subscriptionNo().equals(no)).findFirst()
                    .orElseThrow(() -> DomainException.invalid("subscriptionNos", "subscription " + no
                            + " is not a card-expiry target (active, paying by a card that expires soon or has expired)"));
            members.add(t.memberId());
        }
        for (long memberId : members) {
            queue(shop, memberId, null, null);
            cards.card(memberId).ifPresent(c -> cards.markExpiryReminded(c.id(), clock.instant()));
        }
        return members.size();
    }

    /** One mail with text edited by the operator (bracket tags are replaced; unknown tags are refused). */
    @Transactional
    public void sendEdited(String subscriptionNo, String subject, String body) {
        Shop shop = shops.current();
        Target t = targets(shop.id()).stream().filter(x -> x.subscriptionNo().equals(subscriptionNo)).findFirst()
                .orElseThrow(() -> subscriptions.find(shop.id(), subscriptionNo).isEmpty()
                        ? DomainException.notFound("subscription " + subscriptionNo, "subscriptionNo")
                        : DomainException.conflict("subscriptionNo", "subscription " + subscriptionNo
                        + " is not a card-expiry target"));
        Optional<TemplateError> error = mails.firstError(TemplateKey.CARD_EXPIRY_REMINDER, subject, body);
        if (error.isPresent()) {
            TemplateError e = error.get();
            throw DomainException.invalid(e.field(), "line " + e.line() + ": " + e.message());
        }
        queue(shop, t.memberId(), subject, body);
    }

    private void queue(Shop shop, long memberId, String subject, String body) {
        MemberView member = memberView(memberId);
        TemplatedMail mail = TemplatedMail.of(shop.id(), TemplateKey.CARD_EXPIRY_REMINDER,
                MailContext.builder().shop(new ShopView(shop.name(), null, shop.email())).member(member).build(),
                Sender.shop(shop), List.of(member.email()));
        mails.queue(subject == null ? mail : mail.withEditedText(subject, body));
    }

    private MemberView memberView(long memberId) {
        MemberProfile p = members.profile(memberId).orElseThrow();
        Member m = p.member();
        return MemberView.builder().memberId(String.valueOf(m.id())).loginId(m.loginId())
                .name(m.lastName(), m.firstName()).kana(m.lastNameKana(), m.firstNameKana()).email(m.email())
                .corp(p.corp(), p.corpKana(), p.corpPost())
                .address(m.zipcode(), m.pref(), m.city(), m.address(), m.building())
                .tel(m.tel()).fax(p.fax()).birthDate(p.birthDate())
                .buyTimes(p.buyTimes()).buyTotalMoney(p.buyTotal())
                .point(p.points()).totalPoint(p.totalPoints()).build();
    }
}
