package jp.cartflow.payment;

import jp.cartflow.payment.gateway.Gateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Payment methods and what they need (SUB-5, SUB-17). The codes are payment_method.code:
 * {@code SBPS_CARD}, {@code ZEUS_CARD}, {@code COD} (代金引換), {@code NP_DEFERRED} (NP後払い), {@code FREE}
 * (shop-defined free methods).
 */
@Service
public class PaymentMethods {

    public static final String SBPS_CARD = "SBPS_CARD";
    public static final String ZEUS_CARD = "ZEUS_CARD";
    public static final String COD = "COD";
    public static final String NP_DEFERRED = "NP_DEFERRED";
    public static final String FREE = "FREE";

    private static final Set<String> SUBSCRIPTION_CAPABLE = Set.of(SBPS_CARD, ZEUS_CARD, COD, NP_DEFERRED, FREE);

    /** One selectable method: the code and the shop's name for it. */
    public record Option(String code, String name) {
    }

    private final JdbcClient jdbc;

    public PaymentMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * SUB-17: whether a method of this kind can pay a subscription at all (SB Payment Service card, Zeus card,
     * cash on delivery, NP deferred, shop-defined free methods). Whether the shop enabled it for subscriptions
     * and the carrier supports it is {@link #subscriptionOptions}.
     */
    public static boolean isSubscriptionCapable(String code) {
        return code != null && SUBSCRIPTION_CAPABLE.contains(code);
    }

    /** The gateway that authorizes this method (cards, NP), or empty (cash on delivery, free methods). */
    public static Optional<Gateway> gatewayOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return switch (code) {
            case ZEUS_CARD -> Optional.of(Gateway.ZEUS);
            case SBPS_CARD -> Optional.of(Gateway.SBPS);
            case NP_DEFERRED -> Optional.of(Gateway.NP);
            default -> Optional.empty();
        };
    }

    /** Whether the method is paid by a card on file (SUB-27). */
    public static boolean isCard(String code) {
        return ZEUS_CARD.equals(code) || SBPS_CARD.equals(code);
    }

    /**
     * SUB-17: the methods a subscription (or an order of it) may switch to: enabled, enabled for subscriptions,
     * and supported by the carrier ({@code carrierId} null = any carrier). With {@code totalIsZero}, card and
     * NP are left out (they cannot take a 0-yen payment).
     */
    public List<Option> subscriptionOptions(long shopId, Long carrierId, boolean totalIsZero) {
        String base = """
                SELECT p.code, p.name FROM payment_method p
                WHERE p.shop_id = :shop AND p.enabled = TRUE AND p.subscription_enabled = TRUE""";
        List<Option> options = carrierId == null
                ? jdbc.sql(base + " ORDER BY p.sort_order, p.id").param("shop", shopId)
                        .query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list()
                : jdbc.sql(base + " " + """
                         AND EXISTS (SELECT 1 FROM carrier_payment_method c
                                     WHERE c.carrier_id = :carrier AND c.payment_method_id = p.id)
                        ORDER BY p.sort_order, p.id""").param("shop", shopId).param("carrier", carrierId)
                        .query((rs, n) -> new Option(rs.getString(1), rs.getString(2))).list();
        return options.stream().filter(o -> isSubscriptionCapable(o.code()))
                .filter(o -> !totalIsZero || gatewayOf(o.code()).isEmpty()).toList();
    }
}
