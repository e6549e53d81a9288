package jp.cartflow.payment;

import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.platform.errors.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Card on file (SUB-27): one card per member ({@code member_card}, a gateway token, never the number). A card
 * cannot be deleted while an active subscription pays by card; a card payment method needs a card of that
 * method's gateway. The one place that reads or writes {@code member_card}.
 */
@Service
public class CardsOnFile {

    /** The member's card: gateway, token, masked number, expiry and when its expiry was last reminded. */
    public record Card(long id, long memberId, Gateway gateway, String token, String maskedNumber, int expiryYear,
                       int expiryMonth, Instant expiryRemindedAt) {

        /** The last day the card can be used. */
        public LocalDate expiresOn() {
            return YearMonth.of(expiryYear, expiryMonth).atEndOfMonth();
        }
    }

    private final JdbcClient jdbc;
    private final CardSubscriptions subscriptions;

    CardsOnFile(JdbcClient jdbc, CardSubscriptions subscriptions) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
    }

    public Optional<Card> card(long memberId) {
        return jdbc.sql("""
                SELECT id, member_id, gateway, card_token, masked_number, expiry_year, expiry_month, expiry_reminded_at
                FROM member_card WHERE member_id = :member""").param("member", memberId)
                .query((rs, n) -> {
                    var reminded = rs.getObject(8, java.time.OffsetDateTime.class);
                    return new Card(rs.getLong(1), rs.getLong(2), Gateway.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), reminded == null ? null : reminded.toInstant());
                })
                .optional();
    }

    /** SUB-27: whether the member has a registered card. */
    public boolean hasCard(long memberId) {
        return card(memberId).isPresent();
    }

    /**
     * SUB-27: whether the member may pay with {@code method}: methods other than cards always; a card method
     * only with a card on file of that method's gateway (an SBPS card does not pay ZEUS_CARD).
     */
    public boolean canPayWith(Long memberId, PaymentMethodCode method) {
        if (!method.isCard()) {
            return true;
        }
        Gateway needed = method.gateway().orElseThrow();
        return memberId != null && card(memberId).filter(c -> c.gateway() == needed).isPresent();
    }

    /** SUB-27: whether an active subscription of the member pays by card (then the card cannot be deleted). */
    public boolean isInUse(long memberId) {
        return subscriptions.activeSubscriptionPaysByCard(memberId);
    }

    /**
     * SUB-27: a card method needs a card on file of that method's gateway. Throws a 422 business-rule problem
     * naming {@code field} otherwise; other methods pass.
     */
    public void requireCardFor(Long memberId, String paymentMethodCode, String field) {
        Optional<PaymentMethodCode> method = PaymentMethodCode.of(paymentMethodCode);
        if (method.isEmpty() || canPayWith(memberId, method.get())) {
            return;
        }
        Gateway needed = method.get().gateway().orElseThrow();
        throw DomainException.rule("SUB-27", field, "カード払いには会員の" + needed.displayName()
                + "のカード登録が必要です / a registered " + needed + " card is required for " + paymentMethodCode);
    }

    /** SUB-29: the card's expiry was reminded (once per expiry). */
    public void markExpiryReminded(long cardId, Instant at) {
        jdbc.sql("UPDATE member_card SET expiry_reminded_at = :at WHERE id = :id")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("id", cardId).update();
    }

    /** What the storefront registers: the gateway's token and what may be shown of the card, never its number. */
    public record NewCard(Gateway gateway, String token, String maskedNumber, String brand, int expiryYear,
                          int expiryMonth) {
    }

    /**
     * SUB-27: registers the member's card or replaces it (one per member). Replacing it by a card of another
     * gateway is refused (409) while an active subscription pays by card: that subscription would lose its card.
     */
    @Transactional
    public Card register(long memberId, NewCard c, Instant now) {
        Optional<Card> old = card(memberId);
        if (old.isPresent() && old.get().gateway() != c.gateway() && isInUse(memberId)) {
            throw inUse("gateway", "稼働中の定期購入が" + old.get().gateway().displayName()
                    + "のカードで支払うため、別の決済代行のカードには変更できません / an active subscription pays with the "
                    + old.get().gateway() + " card");
        }
        if (old.isPresent()) {
            jdbc.sql("""
                    UPDATE member_card SET gateway = :gateway, card_token = :token, masked_number = :masked, brand = :brand,
                        expiry_year = :year, expiry_month = :month, registered_at = :at, expiry_reminded_at = NULL
                    WHERE member_id = :member""")
                    .param("gateway", c.gateway().name()).param("token", c.token()).param("masked", c.maskedNumber())
                    .param("brand", c.brand()).param("year", c.expiryYear()).param("month", c.expiryMonth())
                    .param("at", now.atOffset(ZoneOffset.UTC)).param("member", memberId).update();
        } else {
            jdbc.sql("""
                    INSERT INTO member_card (member_id, gateway, card_token, masked_number, brand, expiry_year,
                        expiry_month, registered_at)
                    VALUES (:member, :gateway, :token, :masked, :brand, :year, :month, :at)""")
                    .param("gateway", c.gateway().name()).param("token", c.token()).param("masked", c.maskedNumber())
                    .param("brand", c.brand()).param("year", c.expiryYear()).param("month", c.expiryMonth())
                    .param("at", now.atOffset(ZoneOffset.UTC)).param("member", memberId).update();
        }
        return card(memberId).orElseThrow();
    }

    private static DomainException inUse(String field, String detail) {
        return DomainException.conflict("SUB-27", field, detail);
    }

    /** SUB-27: deletes the member's card, refused (409) while an active subscription pays by card. */
    @Transactional
    public void delete(long memberId) {
        if (isInUse(memberId)) {
            throw inUse("memberId", "稼働中の定期購入がカード払いのため削除できません / "
                    + "the card pays an active subscription and cannot be deleted");
        }
        jdbc.sql("DELETE FROM member_card WHERE member_id = :member").param("member", memberId).update();
    }
}
