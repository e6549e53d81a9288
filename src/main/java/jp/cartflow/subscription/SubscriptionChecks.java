package jp.cartflow.subscription;

import jp.cartflow.inventory.catalog.Catalog;
import jp.cartflow.inventory.catalog.Product;
import jp.cartflow.payment.CardsOnFile;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.payment.PaymentMethods;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.Carrier;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import jp.cartflow.subscription.domain.CheckoutRules;
import org.springframework.stereotype.Component;

/**
 * What may be on a subscription, looked up in the owners' APIs: a carrier and time slot of the shop, a subscription
 * product of the catalogue (SUB-8), a payment method the shop and carrier allow with the card it needs (SUB-17/27).
 * Shared by the checkout and the shop's changes.
 */
@Component
class SubscriptionChecks {

    private final ShopDirectory shops;
    private final Catalog catalog;
    private final CardsOnFile cards;
    private final PaymentMethods paymentMethods;

    SubscriptionChecks(ShopDirectory shops, Catalog catalog, CardsOnFile cards, PaymentMethods paymentMethods) {
        this.shops = shops;
        this.catalog = catalog;
        this.cards = cards;
        this.paymentMethods = paymentMethods;
    }

    Carrier carrier(Shop shop, String code, String field) {
        return shops.carrier(shop.id(), code)
                .orElseThrow(() -> DomainException.invalid(field, "unknown carrier '" + code + "'"));
    }

    void timeSlot(Carrier carrier, String slot, String field) {
        if (slot != null && !slot.isBlank() && !shops.timeSlotExists(carrier.id(), slot)) {
            throw DomainException.invalid(field, "unknown time slot '" + slot + "' for " + carrier.code());
        }
    }

    Product subscriptionProduct(Shop shop, String code, String field) {
        Product p = catalog.product(shop.id(), code)
                .orElseThrow(() -> DomainException.invalid(field, "unknown product '" + code + "'"));
        CheckoutRules.requireSubscriptionProduct(code, p.subscriptionEnabled(), p.firstPrice(), p.repeatPrice(), field);
        return p;
    }

    /** SUB-17, SUB-27. */
    void payment(Shop shop, Carrier carrier, PaymentMethodCode method, Long memberId, long firstOrderTotal,
                 String field) {
        if (!paymentMethods.subscriptionMayUse(shop.id(), carrier == null ? null : carrier.id(), method)) {
            throw DomainException.rule("SUB-17", field, "支払方法 " + method + " は定期購入で使えないか、配送方法が対応していません"
                    + " / not enabled for subscriptions or not supported by the carrier");
        }
        // a 0-yen first order: only the methods the SUB-17 table (bpmn/SubscriptionPaymentCompatibility.dmn) allows
        CheckoutRules.requireAmountForPayment(firstOrderTotal == 0
                && !paymentMethods.subscriptionMayUse(shop.id(), carrier == null ? null : carrier.id(), method, true),
                firstOrderTotal, field);
        // SUB-27: a card of that method's gateway (an SBPS card does not pay ZEUS_CARD)
        cards.requireCardFor(memberId, method.name(), field);
    }

    /**
     * The shop's name of the method today: what the subscription keeps (and its orders print) until its payment is
     * changed again, however the method is renamed meanwhile (the seed: 名称変更は定期購入明細で更新すると反映).
     */
    String paymentMethodName(Shop shop, PaymentMethodCode method) {
        return paymentMethods.shopName(shop.id(), method.name()).orElse(method.customerLabel());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
