package jp.cartflow.payment;

import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.platform.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Card on file (SUB-27): one card per member (member_card, a gateway token, never the number). A card cannot
 * be deleted while an active subscription pays by card; switching a subscription to card needs a card.
 */
@Service
public class CardsOnFile {

    /** The member's card: gateway, token, masked number and expiry. */
    public record Card(long memberId, Gateway gateway, String token, String maskedNumber, int expiryYear,
                       int expiryMonth) {
    }

    private final JdbcClient jdbc;

    public CardsOnFile(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Card> card(long memberId) {
        return jdbc.sql("""
                SELECT member_id, gateway, card_token, masked_number, expiry_year, expiry_month
                FROM member_card WHERE member_id = :member""").param("member", memberId)
                .query((rs, n) -> new Card(rs.getLong(1), Gateway.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6)))
                .optional();
    }

    /** SUB-27: whether the member has a registered card. */
    public boolean hasCard(long memberId) {
        return card(memberId).isPresent();
    }

    /** SUB-27: whether an active subscription of the member pays by card (then the card cannot be deleted). */
    public boolean isInUse(long memberId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM subscription
                WHERE member_id = :member AND status = 'ACTIVE' AND payment_method_code IN ('SBPS_CARD', 'ZEUS_CARD')""")
                .param("member", memberId).query(Integer.class).single() > 0;
    }

    /**
     * SUB-27: a subscription may switch to a card method only when the member has a card of that method's
     * gateway. Throws a 422 business-rule problem naming {@code field} otherwise; other methods pass.
     */
    public void requireCardFor(long memberId, String paymentMethodCode, String field) {
        if (!PaymentMethods.isCard(paymentMethodCode)) {
            return;
        }
        Gateway needed = PaymentMethods.gatewayOf(paymentMethodCode).orElseThrow();
        Optional<Card> card = card(memberId);
        if (card.isEmpty() || card.get().gateway() != needed) {
            throw ApiException.rule("SUB-27", field, "カード払いに変更するには会員の" + needed.displayName()
                    + "のカード登録が必要です / a registered " + needed + " card is required for " + paymentMethodCode);
        }
    }

    /** SUB-27: deletes the member's card, refused (422) while an active subscription pays by card. */
    @Transactional
    public void delete(long memberId) {
        if (isInUse(memberId)) {
            throw ApiException.rule("SUB-27", "memberId", "稼働中の定期購入がカード払いのため削除できません / "
                    + "the card pays an active subscription and cannot be deleted");
        }
        jdbc.sql("DELETE FROM member_card WHERE member_id = :member").param("member", memberId).update();
    }
}
