package jp.cartflow.order;

import jp.cartflow.member.Attributes;
import jp.cartflow.member.Points;
import jp.cartflow.member.Recipient;
import jp.cartflow.order.events.OrderPlaced;
import jp.cartflow.order.events.OrderedItem;
import jp.cartflow.order.events.SubscriptionOrderGenerated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Creates orders: the header, the lines and the one shipment, in the caller's transaction, and publishes
 * {@link OrderPlaced} or {@link SubscriptionOrderGenerated} in it. The only writer of new
 * customer_order / order_line / shipment rows.
 */
@Service
public class OrderCreation {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Points points;
    private final Attributes attributes;

    OrderCreation(JdbcClient jdbc, ApplicationEventPublisher events, Points points, Attributes attributes) {
        this.jdbc = jdbc;
        this.events = events;
        this.points = points;
        this.attributes = attributes;
    }

    public record OrderRef(long id, String orderNo) {
    }

    /** The order of a subscription's delivery, if it exists (the exactly-once check of SUB-4). */
    public Optional<OrderRef> forDelivery(long subscriptionId, int deliveryIndex) {
        return jdbc.sql("SELECT id, order_no FROM customer_order WHERE subscription_id = :sub AND delivery_index = :i")
                .param("sub", subscriptionId).param("i", deliveryIndex)
                .query((rs, n) -> new OrderRef(rs.getLong(1), rs.getString(2))).optional();
    }

    /** Places an order (the first order of a subscription checkout); publishes {@link OrderPlaced}. */
    public OrderRef place(NewOrder order) {
        OrderRef ref = insert(order);
        events.publishEvent(new OrderPlaced(ref.id(), order.shopId(), ref.orderNo(), order.memberId(),
                order.amounts().total(), items(order), order.orderedAt()));
        return ref;
    }

    /** Creates the order of a subscription's delivery; publishes {@link SubscriptionOrderGenerated}. */
    public OrderRef generateFromSubscription(NewOrder order) {
        if (order.subscription() == null) {
            throw new IllegalArgumentException("a generated order needs its subscription");
        }
        OrderRef ref = insert(order);
        events.publishEvent(new SubscriptionOrderGenerated(ref.id(), order.shopId(), ref.orderNo(), order.memberId(),
                order.amounts().total(), order.subscription().subscriptionNo(), order.subscription().deliveryIndex(),
                items(order), order.orderedAt()));
        return ref;
    }

    private static List<OrderedItem> items(NewOrder order) {
        return order.lines().stream().map(l -> new OrderedItem(l.productCode(), l.quantity())).toList();
    }

    private OrderRef insert(NewOrder o) {
        Recipient r = o.recipient();
        NewOrder.Amounts a = o.amounts();
        NewOrder.FromSubscription sub = o.subscription();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_order (shop_id, order_no, member_id, ordered_at, email, last_name, first_name,
                    last_name_kana, first_name_kana, tel, zipcode, pref, city, address, building, memo,
                    subscription_id, subscription_no, delivery_index, next_delivery_date, next_delivery_schedule,
                    payment_method_code, payment_method_name, subtotal, shipping_fee, payment_fee, cool_fee,
                    points_used, points_earned, total, status, created_at, updated_at)
                VALUES (:shop, :no, :member, :at, :email, :ln, :fn, :lnk, :fnk, :tel, :zip, :pref, :city, :address,
                    :building, :memo, :sub, :subNo, :index, :nextDate, :nextSchedule, :payment, :paymentName,
                    :subtotal, :shipping, :paymentFee, :cool, :used, :earned, :total, 'NEW', :at, :at)""")
                .param("shop", o.shopId()).param("no", o.orderNo()).param("member", o.memberId())
                .param("at", utc(o.orderedAt())).param("email", o.email())
                .param("ln", r.lastName()).param("fn", r.firstName()).param("lnk", r.lastNameKana())
                .param("fnk", r.firstNameKana()).param("tel", r.tel()).param("zip", r.zipcode())
                .param("pref", r.pref()).param("city", r.city()).param("address", r.address())
                .param("building", r.building()).param("memo", o.memo())
                .param("sub", sub == null ? null : sub.subscriptionId())
                .param("subNo", sub == null ? null : sub.subscriptionNo())
                .param("index", sub == null ? null : sub.deliveryIndex())
                .param("nextDate", sub == null ? null : sub.nextDeliveryDate())
                .param("nextSchedule", sub == null ? null : sub.nextDeliverySchedule())
                .param("payment", o.paymentMethod()).param("paymentName", o.paymentMethodName())
                .param("subtotal", a.subtotal()).param("shipping", a.shippingFee())
                .param("paymentFee", a.paymentFee()).param("cool", a.coolFee()).param("used", a.pointsUsed())
                .param("earned", a.pointsEarned()).param("total", a.total()).update(keys, "id");
        long id = keys.getKey().longValue();
        int lineNo = 1;
        for (NewOrder.Line line : o.lines()) {
            jdbc.sql("""
                    INSERT INTO order_line (order_id, line_no, product_id, product_code, product_name, unit_price, quantity)
                    VALUES (:order, :no, :product, :code, :name, :price, :qty)""")
                    .param("order", id).param("no", lineNo++).param("product", line.productId())
                    .param("code", line.productCode()).param("name", line.productName())
                    .param("price", line.unitPrice()).param("qty", line.quantity()).update();
        }
        NewOrder.Delivery d = o.delivery();
        jdbc.sql("""
                INSERT INTO shipment (order_id, shipment_no, last_name, first_name, last_name_kana, first_name_kana,
                    zipcode, pref, city, address, building, tel, carrier_id, time_slot_code, delivery_date, registered_at)
                VALUES (:order, 1, :ln, :fn, :lnk, :fnk, :zip, :pref, :city, :address, :building, :tel, :carrier,
                    :slot, :delivery, :at)""")
                .param("order", id).param("ln", r.lastName()).param("fn", r.firstName())
                .param("lnk", r.lastNameKana()).param("fnk", r.firstNameKana()).param("zip", r.zipcode())
                .param("pref", r.pref()).param("city", r.city()).param("address", r.address())
                .param("building", r.building()).param("tel", r.tel()).param("carrier", d.carrierId())
                .param("slot", d.timeSlotCode()).param("delivery", d.deliveryDate())
                .param("at", utc(o.orderedAt())).update();
        // MEM-1, MAIL-1: the order keeps the member's attribute values as they were (90 company, 91 department …)
        attributes.values(o.memberId()).forEach((no, value) -> jdbc.sql("""
                INSERT INTO order_attribute_value (order_id, attribute_no, attribute_value) VALUES (:order, :no, :value)""")
                .param("order", id).param("no", no).param("value", value).update());
        // SUB-12, MEM-2: points used and earned go through the member's ledger; purchase statistics count the order
        points.recordOrder(o.memberId(), o.orderNo(), a.total(), a.pointsUsed(), a.pointsEarned(), o.orderedAt());
        return new OrderRef(id, o.orderNo());
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
