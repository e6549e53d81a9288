package jp.cartflow.payment;

import jp.cartflow.payment.gateway.Gateway;

import java.util.Optional;

/**
 * The kinds of payment method, as stored in {@code payment_method.code}: SB Payment Service card, Zeus card,
 * cash on delivery (代金引換), NP deferred payment (NP後払い) and the shop-defined free methods. The one list of
 * codes: what each needs (card on file, gateway, an amount) and its generic name on customer mails.
 */
public enum PaymentMethodCode {
    SBPS_CARD("クレジットカード"), ZEUS_CARD("クレジットカード"), COD("代金引換"), NP_DEFERRED("NP後払い"),
    FREE("その他");

    private final String customerLabel;

    PaymentMethodCode(String customerLabel) {
        this.customerLabel = customerLabel;
    }

    /** The code of a stored value, or empty for a code cartflow does not know. */
    public static Optional<PaymentMethodCode> of(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (PaymentMethodCode c : values()) {
            if (c.name().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Paid with the member's card on file (SUB-27). */
    public boolean isCard() {
        return this == SBPS_CARD || this == ZEUS_CARD;
    }

    /** Card and NP deferred payment are authorized at generation when the shop enables it (SUB-5). */
    public boolean authorizable() {
        return gateway().isPresent();
    }

    /** Card and NP cannot pay a 0-yen first order (SUB-17). */
    public boolean needsAmount() {
        return authorizable();
    }

    /** The gateway that authorizes this method (cards, NP), or empty (cash on delivery, free methods). */
    public Optional<Gateway> gateway() {
        return switch (this) {
            case SBPS_CARD -> Optional.of(Gateway.SBPS);
            case ZEUS_CARD -> Optional.of(Gateway.ZEUS);
            case NP_DEFERRED -> Optional.of(Gateway.NP);
            case COD, FREE -> Optional.empty();
        };
    }

    /** The generic name printed on customer mails ([paymentMethod], MAIL-1): both cards are クレジットカード. */
    public String customerLabel() {
        return customerLabel;
    }
}
