package jp.cartflow.order;

import jp.cartflow.order.events.ShipmentRegistered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders, their lines, shipments and audit trail: reads, the shipment registration (publishes
 * {@link ShipmentRegistered}) and the audit trail. New orders come from {@link OrderCreation}.
 */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrderRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** True when an order came from the storefront cart {@code cartId} (cart abandonment: the cart converted). */
    public boolean existsForCart(long shopId, String cartId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE shop_id = :shop AND cart_id = :cart")
                .param("shop", shopId).param("cart", cartId).query(Long.class).single() > 0;
    }

    public Optional<Order> findByOrderNo(long shopId, String orderNo) {
        return jdbc.sql("SELECT * FROM customer_order WHERE shop_id = :shop AND order_no = :no")
                .param("shop", shopId).param("no", orderNo).query(OrderRepository::order).optional();
    }

    /** True when an order of the shop was placed with this address (compared lower-cased). */
    public boolean emailInUse(long shopId, String email) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE shop_id = :shop AND LOWER(email) = :email")
                .param("shop", shopId).param("email", email.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class).single() > 0;
    }

    public Order get(long orderId) {
        return jdbc.sql("SELECT * FROM customer_order WHERE id = :id").param("id", orderId)
                .query(OrderRepository::order).single();
    }

    /** Locks the order row for the rest of the transaction (one writer per order at a time). */
    public Order lock(long orderId) {
        return jdbc.sql("SELECT * FROM customer_order WHERE id = :id FOR UPDATE").param("id", orderId)
                .query(OrderRepository::order).single();
    }

    public List<OrderLine> lines(long orderId) {
        return jdbc.sql("""
                SELECT line_no, product_id, product_code, product_name, unit_price, quantity
                FROM order_line WHERE order_id = :id ORDER BY line_no""")
                .param("id", orderId)
                .query((rs, n) -> new OrderLine(rs.getInt(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getInt(6)))
                .list();
    }

    public List<Shipment> shipments(long orderId) {
        List<Shipment> shipments = jdbc.sql("""
                SELECT s.*, c.code AS carrier_code, c.name AS carrier_name, c.tracking_url_template
                FROM shipment s LEFT JOIN shop_carrier_view c ON c.id = s.carrier_id
                WHERE s.order_id = :id ORDER BY s.shipment_no""")
                .param("id", orderId)
                .query((rs, n) -> new Shipment(rs.getLong("id"), rs.getInt("shipment_no"), rs.getString("last_name"),
                        rs.getString("first_name"), rs.getString("last_name_kana"), rs.getString("first_name_kana"),
                        rs.getString("zipcode"), join(rs.getString("pref"), rs.getString("city"),
                        rs.getString("address"), rs.getString("building")), rs.getString("tel"),
                        rs.getObject("carrier_id", Long.class), rs.getString("carrier_code"),
                        rs.getString("carrier_name"), rs.getString("tracking_url_template"),
                        rs.getString("time_slot_code"), rs.getObject("delivery_date", LocalDate.class),
                        rs.getObject("shipped_date", LocalDate.class), List.of(), Map.of()))
                .list();
        List<Shipment> complete = new ArrayList<>();
        for (Shipment s : shipments) {
            List<String> numbers = jdbc.sql(
                    "SELECT tracking_number FROM shipment_tracking_number WHERE shipment_id = :id ORDER BY id")
                    .param("id", s.id()).query(String.class).list();
            Map<Integer, String> attributes = attributes(
                    "SELECT attribute_no, attribute_value FROM shipment_attribute_value WHERE shipment_id = :id", s.id());
            complete.add(new Shipment(s.id(), s.shipmentNo(), s.lastName(), s.firstName(), s.lastNameKana(),
                    s.firstNameKana(), s.zipcode(), s.address(), s.tel(), s.carrierId(), s.carrierCode(),
                    s.carrierName(), s.trackingUrlTemplate(), s.timeSlotCode(), s.deliveryDate(), s.shippedDate(),
                    numbers, attributes));
        }
        return complete;
    }

    /** Attribute values captured on the order (90 company, 91 department, others custom; MAIL-1). */
    public Map<Integer, String> orderAttributes(long orderId) {
        return attributes("SELECT attribute_no, attribute_value FROM order_attribute_value WHERE order_id = :id", orderId);
    }

    private Map<Integer, String> attributes(String sql, long id) {
        Map<Integer, String> values = new LinkedHashMap<>();
        jdbc.sql(sql).param("id", id).query((ResultSet rs) -> {
            values.put(rs.getInt(1), rs.getString(2));
        });
        return values;
    }

    /** Records the carrier, shipped date and tracking numbers of a shipment; the order becomes SHIPPED. */
    public void recordShipped(long orderId, long shipmentId, long carrierId, LocalDate shippedDate,
                              List<String> trackingNumbers, Instant now) {
        Order order = get(orderId);
        jdbc.sql("UPDATE shipment SET carrier_id = :carrier, shipped_date = :shipped WHERE id = :id")
                .param("carrier", carrierId).param("shipped", shippedDate).param("id", shipmentId).update();
        for (String number : trackingNumbers) {
            jdbc.sql("INSERT INTO shipment_tracking_number (shipment_id, tracking_number) VALUES (:id, :no)")
                    .param("id", shipmentId).param("no", number).update();
        }
        jdbc.sql("""
                UPDATE customer_order SET status = 'SHIPPED', updated_at = :now, version = version + 1
                WHERE id = :id AND status IN ('NEW', 'PROCESSING', 'SHIPPED')""")
                .param("now", utc(now)).param("id", orderId).update();
        events.publishEvent(new ShipmentRegistered(orderId, order.shopId(), order.orderNo(), shipmentId, carrierId,
                shippedDate, trackingNumbers, now));
    }

    public void markShippingMailSent(long orderId, Instant at) {
        jdbc.sql("UPDATE customer_order SET shipping_mail_sent_at = :at, updated_at = :at WHERE id = :id")
                .param("at", utc(at)).param("id", orderId).update();
    }

    public void appendEvent(long orderId, String actor, String type, String detail, Instant at) {
        jdbc.sql("""
                INSERT INTO order_event (order_id, occurred_at, actor, event_type, detail)
                VALUES (:order, :at, :actor, :type, :detail)""")
                .param("order", orderId).param("at", utc(at)).param("actor", actor == null ? "system" : actor)
                .param("type", type).param("detail", detail).update();
    }

    public record OrderEvent(Instant occurredAt, String actor, String type, String detail) {
    }

    public List<OrderEvent> events(long orderId) {
        return jdbc.sql("SELECT occurred_at, actor, event_type, detail FROM order_event WHERE order_id = :id ORDER BY id")
                .param("id", orderId)
                .query((rs, n) -> new OrderEvent(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .list();
    }

    private static Order order(ResultSet rs, int row) throws SQLException {
        OffsetDateTime mailSent = rs.getObject("shipping_mail_sent_at", OffsetDateTime.class);
        return new Order(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("order_no"),
                rs.getObject("member_id", Long.class), rs.getObject("ordered_at", OffsetDateTime.class).toInstant(),
                rs.getString("email"), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("last_name_kana"), rs.getString("first_name_kana"), rs.getString("tel"),
                rs.getString("zipcode"), join(rs.getString("pref"), rs.getString("city"), rs.getString("address"),
                rs.getString("building")), rs.getString("memo"), rs.getString("subscription_no"),
                rs.getObject("next_delivery_date", LocalDate.class), rs.getString("payment_method_code"),
                rs.getString("payment_method_name"), rs.getString("status"), rs.getLong("subtotal"), rs.getLong("shipping_fee"), rs.getLong("payment_fee"),
                rs.getLong("discount"), rs.getLong("points_used"), rs.getLong("total"),
                mailSent == null ? null : mailSent.toInstant());
    }

    static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                out.append(out.isEmpty() ? "" : " ").append(part);
            }
        }
        return out.toString();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
