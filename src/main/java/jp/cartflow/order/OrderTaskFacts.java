package jp.cartflow.order;

import jp.cartflow.platform.engine.OperatorTaskFacts;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The order facts every operator task about an order shows: who ordered, the total and the address, so the
 * operator can tell the parcel, the caller or the card holder apart without opening the order elsewhere.
 */
@Component
class OrderTaskFacts implements OperatorTaskFacts {

    private final OrderRepository orders;
    private final ShopDirectory shops;

    OrderTaskFacts(OrderRepository orders, ShopDirectory shops) {
        this.orders = orders;
        this.shops = shops;
    }

    @Override
    public Map<String, Object> forOrder(String orderNo) {
        Map<String, Object> facts = new LinkedHashMap<>();
        orders.findByOrderNo(shops.current().id(), orderNo).ifPresent(order -> {
            facts.put("customerName", customerName(order));
            facts.put("amountText", String.format("%,d円", order.total()));
            facts.put("addressText", addressText(order));
        });
        return facts;
    }

    static String customerName(Order order) {
        String name = (nz(order.lastName()) + " " + nz(order.firstName())).strip();
        String kana = (nz(order.lastNameKana()) + " " + nz(order.firstNameKana())).strip();
        return name + " 様" + (kana.isEmpty() ? "" : "(" + kana + ")");
    }

    static String addressText(Order order) {
        String zip = nz(order.zipcode());
        return ((zip.isEmpty() ? "" : "〒" + zip + " ") + nz(order.address())).strip();
    }

    private static String nz(String text) {
        return text == null ? "" : text.strip();
    }
}
