package jp.cartflow.payment;

import jp.cartflow.payment.gateway.Gateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * Payment methods and what they need (SUB-5, SUB-17): the shop's methods ({@code payment_method}) and which
 * carrier takes which ({@code carrier_payment_method}). The codes are {@link PaymentMethodCode}; the string
 * constants here are its names for callers that hold a stored code.
 */
@Service
public class PaymentMethods {

    public static final String SBPS_CARD = "SBPS_CARD";
    public static final String ZEUS_CARD = "ZEUS_CARD";
    public static final String COD = "COD";
    public static final String NP_DEFERRED = "NP_DEFERRED";
    public static final String FREE = "FREE";

    /** One selectable method: the code and the shop's name for it. */
    public record Option(String code, String name) {
    }

    private final JdbcClient jdbc;
    private final SubscriptionPaymentRule rule;

    PaymentMethods(JdbcClient jdbc, SubscriptionPaymentRule rule) {
        this.jdbc = jdbc;
        this.rule = rule;
    }

    /**
     * SUB-17: whether a method of this kind can pay a subscription at all (SB Payment Service card, Zeus card,
     * cash on delivery, NP deferred, shop-defined free methods). Whether the shop enabled it for subscriptions
     * and the carrier supports it is {@link #subscriptionOptions}.
     */
    public static boolean isSubscriptionCapable(String code) {
        return PaymentMethodCode.of(code).isPresent();
    }

    /** The gateway that authorizes this method (cards, NP), or empty (cash on delivery, free methods). */
    public static Optional<Gateway> gatewayOf(String code) {
        return PaymentMethodCode.of(code).flatMap(PaymentMethodCode::gateway);
    }

    /** Whether the method is paid by a card on file (SUB-27). */
    public static boolean isCard(String code) {
        return PaymentMethodCode.of(code).map(PaymentMethodCode::isCard).orElse(false);
    }

    /** The generic name of a stored code on customer mails (MAIL-1); an unknown code is shown as it is. */
    public static String customerLabel(String code) {
        return PaymentMethodCode.of(code).map(PaymentMethodCode::customerLabel).orElse(code);
    }

    /**
     * SUB-17: the methods a subscription (or an order of it) may switch to: enabled, enabled for subscriptions,
     * and supported by the carrier ({@code carrierId} null = any carrier). With {@code totalIsZero}, card and
     * NP are left out (they cannot take a 0-yen payment).
     */
    public List<Option> subscriptionOptions(long shopId, Long carrierId, boolean totalIsZero) {
        return options(shopId, carrierId, totalIsZero, null);
    }

    /** The options, or with {@code onlyCode} those of that code only (each method's answer is its own). */
    private List<Option> options(long shopId, Long carrierId, boolean totalIsZero, String onlyCode) {
        String carrierCode = carrierId == null ? null : jdbc.sql("SELECT code FROM shop_carrier_view WHERE id = :carrier")
                .param("carrier", carrierId).query(String.class).optional().orElse(null);
        // the shop's switches are data; what they mean together is the SUB-17 decision table
        return jdbc.sql("""
                        SELECT p.code, p.name, p.subscription_enabled,
                               EXISTS (SELECT 1 FROM carrier_payment_method c
                                       WHERE c.carrier_id = :carrier AND c.payment_method_id = p.id) AS carrier_takes
                        FROM payment_method p WHERE p.shop_id = :shop AND p.enabled = TRUE
                        """ + (onlyCode == null ? "" : "AND p.code = :code ") + "ORDER BY p.sort_order, p.id")
                .param("shop", shopId).param("carrier", carrierId == null ? -1L : carrierId)
                .param("code", onlyCode == null ? "" : onlyCode)
                .query((rs, n) -> rule.allows(rs.getString(1), carrierCode, rs.getBoolean(3),
                        carrierId == null || rs.getBoolean(4), totalIsZero)
                        ? new Option(rs.getString(1), rs.getString(2)) : null)
                .list().stream().filter(o -> o != null).toList();
    }

    /**
     * SUB-17: whether a subscription of this carrier may pay with {@code method} (enabled for subscriptions and
     * taken by the carrier). A subscription without a carrier can pay with nothing.
     */
    public boolean subscriptionMayUse(long shopId, Long carrierId, PaymentMethodCode method) {
        return subscriptionMayUse(shopId, carrierId, method, false);
    }

    /** As {@link #subscriptionMayUse(long, Long, PaymentMethodCode)}, for a first order of 0 yen or not. */
    public boolean subscriptionMayUse(long shopId, Long carrierId, PaymentMethodCode method, boolean firstOrderFree) {
        // the SUB-17 table asked about this method only, not about every method of the shop
        return carrierId != null && !options(shopId, carrierId, firstOrderFree, method.name()).isEmpty();
    }

    /** The shop's name for a method (the first one of that code), or empty. */
    public Optional<String> shopName(long shopId, String code) {
        return jdbc.sql("SELECT name FROM payment_method WHERE shop_id = :shop AND code = :code ORDER BY id")
                .param("shop", shopId).param("code", code).query(String.class).list().stream().findFirst();
    }
}
