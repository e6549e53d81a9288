package jp.cartflow.order;

import jp.cartflow.mail.taglanguage.MailContext;
import jp.cartflow.mail.taglanguage.OrderLineView;
import jp.cartflow.mail.taglanguage.OrderView;
import jp.cartflow.mail.taglanguage.ShipmentView;
import jp.cartflow.mail.taglanguage.ShopView;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/** Builds the data a mail template sees for an order (MAIL-1), in the shop's business time zone. */
@Component
public class OrderMailContexts {

    private final OrderRepository orders;
    private final PaymentMethodLabels paymentLabels;
    private final ShopDirectory shops;
    private final Clock clock;

    OrderMailContexts(OrderRepository orders, PaymentMethodLabels paymentLabels, ShopDirectory shops, Clock clock) {
        this.orders = orders;
        this.paymentLabels = paymentLabels;
        this.shops = shops;
        this.clock = clock;
    }

    public MailContext forOrder(Shop shop, Order order, boolean includeSubscriptionNo) {
        ZonedDateTime orderedAt = order.orderedAt().atZone(clock.getZone());
        OrderView orderView = OrderView.builder()
                .orderNo(order.orderNo())
                .orderDateTime(orderedAt)
                .name(order.lastName(), order.firstName())
                .kana(order.lastNameKana(), order.firstNameKana())
                .email(order.email()).tel(order.tel()).zip(order.zipcode()).address(order.address())
                .paymentMethod(paymentLabels.orderLabel(order.paymentMethodName(), order.paymentMethodCode()))
                .subtotal(order.subtotal()).shippingFee(order.shippingFee()).paymentFee(order.paymentFee())
                .discount(order.discount()).pointsUsed(order.pointsUsed()).total(order.total())
                .memo(order.memo()).subscriptionNo(order.subscriptionNo())
                .nextDeliveryDate(order.nextDeliveryDate())
                .build();
        List<OrderLineView> lines = orders.lines(order.id()).stream()
                .map(l -> OrderLineView.of(l.productId() == null ? null : String.valueOf(l.productId()),
                        l.productCode(), l.productName(), l.unitPrice(), l.quantity()))
                .toList();
        List<ShipmentView> shipments = orders.shipments(order.id()).stream()
                .map(s -> ShipmentView.builder()
                        .name(s.lastName(), s.firstName())
                        .kana(s.lastNameKana(), s.firstNameKana())
                        .zip(s.zipcode()).address(s.address()).tel(s.tel())
                        .shippingMethod(s.carrierCode(), s.carrierName())
                        .trackingUrlTemplate(s.trackingUrlTemplate())
                        // the carrier's label (14〜16時) or 指定なし, never the stored code (SUB-16)
                        .timeSlot(shops.timeSlotText(s.carrierId(), s.timeSlotCode()))
                        .deliveryDate(s.deliveryDate())
                        .shippedDate(s.shippedDate())
                        // every parcel, each linked to the carrier's tracking page (MAIL-2, <sectionParcel>)
                        .trackingNumbers(s.trackingNumbers())
                        .attributes(s.attributes())
                        .build())
                .toList();
        return MailContext.builder()
                .shop(new ShopView(shop.name(), null, shop.email()))
                .order(orderView)
                .lines(lines)
                .shipments(shipments)
                .orderAttributes(orders.orderAttributes(order.id()))
                .includeSubscriptionNo(includeSubscriptionNo)
                .build();
    }
}
