package jp.cartflow.subscription;

import jp.cartflow.member.Recipient;
import jp.cartflow.subscription.domain.OrderDraft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Writes the orders of a subscription (the first order at checkout and every generated one) into
 * customer_order / order_line / shipment. The unique (subscription_id, delivery_index) is the last guard of
 * exactly-once generation (SUB-4, SUB-19).
 */
@Repository
public class SubscriptionOrders {

    private final JdbcClient jdbc;

    public SubscriptionOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record OrderRef(long id, String orderNo) {
    }

    public record NewOrder(long shopId, String orderNo, long memberId, String email, Instant orderedAt,
                           Recipient recipient, OrderDraft draft, String paymentMethod, long subscriptionId,
                           String subscriptionNo, int deliveryIndex, LocalDate deliveryDate, Long carrierId,
                           String timeSlotCode, LocalDate nextDeliveryDate, String nextDeliverySchedule) {
    }

    public Optional<OrderRef> forDelivery(long subscriptionId, int deliveryIndex) {
        return jdbc.sql("SELECT id, order_no FROM customer_order WHERE subscription_id = :sub AND delivery_index = :i")
                .param("sub", subscriptionId).param("i", deliveryIndex)
                .query((rs, n) -> new OrderRef(rs.getLong(1), rs.getString(2))).optional();
    }

    public OrderRef insert(NewOrder o) {
        Recipient r = o.recipient();
        OrderDraft d = o.draft();
        jdbc.sql("""
                INSERT INTO customer_order (shop_id, order_no, member_id, ordered_at, email, last_name, first_name,
                    last_name_kana, first_name_kana, tel, zipcode, pref, city, address, building, memo,
                    subscription_id, subscription_no, delivery_index, next_delivery_date, next_delivery_schedule,
                    payment_method_code, subtotal, shipping_fee, payment_fee, cool_fee, points_used, points_earned,
                    total, status, created_at, updated_at)
                VALUES (:shop, :no, :member, :at, :email, :ln, :fn, :lnk, :fnk, :tel, :zip, :pref, :city, :address,
                    :building, :memo, :sub, :subNo, :index, :nextDate, :nextSchedule, :payment, :subtotal, :shipping,
                    :paymentFee, :cool, :used, :earned, :total, 'NEW', :at, :at)""")
                .param("shop", o.shopId()).param("no", o.orderNo()).param("member", o.memberId())
                .param("at", SubscriptionRepository.utc(o.orderedAt())).param("email", o.email())
                .param("ln", r.lastName()).param("fn", r.firstName()).param("lnk", r.lastNameKana())
                .param("fnk", r.firstNameKana()).param("tel", r.tel()).param("zip", r.zipcode())
                .param("pref", r.pref()).param("city", r.city()).param("address", r.address())
                .param("building", r.building()).param("memo", d.memo()).param("sub", o.subscriptionId())
                .param("subNo", o.subscriptionNo()).param("index", o.deliveryIndex())
                .param("nextDate", o.nextDeliveryDate()).param("nextSchedule", o.nextDeliverySchedule())
                .param("payment", o.paymentMethod()).param("subtotal", d.subtotal()).param("shipping", d.shippingFee())
                .param("paymentFee", d.paymentFee()).param("cool", d.coolFee()).param("used", d.pointsUsed())
                .param("earned", d.pointsEarned()).param("total", d.total()).update();
        long id = jdbc.sql("SELECT id FROM customer_order WHERE shop_id = :shop AND order_no = :no")
                .param("shop", o.shopId()).param("no", o.orderNo()).query(Long.class).single();
        int lineNo = 1;
        for (OrderDraft.Line line : d.lines()) {
            jdbc.sql("""
                    INSERT INTO order_line (order_id, line_no, product_id, product_code, product_name, unit_price, quantity)
                    VALUES (:order, :no, :product, :code, :name, :price, :qty)""")
                    .param("order", id).param("no", lineNo++).param("product", line.productId())
                    .param("code", line.productCode()).param("name", line.productName())
                    .param("price", line.unitPrice()).param("qty", line.quantity()).update();
        }
        jdbc.sql("""
                INSERT INTO shipment (order_id, shipment_no, last_name, first_name, last_name_kana, first_name_kana,
                    zipcode, pref, city, address, building, tel, carrier_id, time_slot_code, delivery_date, registered_at)
                VALUES (:order, 1, :ln, :fn, :lnk, :fnk, :zip, :pref, :city, :address, :building, :tel, :carrier,
                    :slot, :delivery, :at)""")
                .param("order", id).param("ln", r.lastName()).param("fn", r.firstName())
                .param("lnk", r.lastNameKana()).param("fnk", r.firstNameKana()).param("zip", r.zipcode())
                .param("pref", r.pref()).param("city", r.city()).param("address", r.address())
                .param("building", r.building()).param("tel", r.tel()).param("carrier", o.carrierId())
                .param("slot", o.timeSlotCode()).param("delivery", o.deliveryDate())
                .param("at", SubscriptionRepository.utc(o.orderedAt())).update();
        return new OrderRef(id, o.orderNo());
    }

    /** SUB-9 (beyond): the shop may have generated orders decrement stock (never below 0). */
    public void decrementStock(long shopId, OrderDraft draft) {
        for (OrderDraft.Line line : draft.lines()) {
            jdbc.sql("""
                    UPDATE product SET stock = CASE WHEN stock > :qty THEN stock - :qty ELSE 0 END
                    WHERE shop_id = :shop AND product_code = :code AND stock_unlimited = FALSE""")
                    .param("qty", line.quantity()).param("shop", shopId).param("code", line.productCode()).update();
        }
    }

    public int countFor(long subscriptionId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE subscription_id = :sub")
                .param("sub", subscriptionId).query(Integer.class).single();
    }
}
