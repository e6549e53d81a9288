package jp.cartflow.order;

import jp.cartflow.mail.taglanguage.MailContext;
import jp.cartflow.mail.taglanguage.OrderLineView;
import jp.cartflow.mail.taglanguage.OrderView;
import jp.cartflow.mail.taglanguage.ShipmentView;
import jp.cartflow.mail.taglanguage.ShopView;
import jp.cartflow.shop.Shop;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

/** Builds the data a mail template sees for an order (MAIL-1), in the shop's business time zone. */
@Component
public class OrderMailContexts {

    private final OrderRepository orders;
    private final PaymentMethodLabels paymentLabels;
    private final Clock clock;

    OrderMailContexts(OrderRepository orders, PaymentMethodLabels paymentLabels, Clock clock) {
        this.orders = orders;
        this.paymentLabels = paymentLabels;
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
                        .timeSlot(s.timeSlotCode())
                        .deliveryDate(s.deliveryDate())
                        .shippedDate(s.shippedDate())
                        // the first parcel's number links to the carrier's tracking page (MAIL-2)
                        .trackingNumber(s.trackingNumbers().isEmpty() ? null : s.trackingNumbers().get(0))
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
