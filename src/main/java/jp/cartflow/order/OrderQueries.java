package jp.cartflow.order;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading orders for the back office: the list with its filters (SUB-33 subscription no., BNC-2 bounce flag), the
 * detail (lines, totals, payment with its authorization result, shipments, SUB-23 next delivery, audit trail) and
 * the orders a subscription generated.
 */
@Service
public class OrderQueries {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Which orders the list shows; every field may be null (no filter). Dates are Asia/Tokyo, both inclusive. */
    public record Filter(LocalDate from, LocalDate to, String status, String paymentStatus, Kind kind,
                         Boolean bounced) {
    }

    public enum Kind { REGULAR, SUBSCRIPTION }

    /** Sort keys of the list, each with its column. */
    public enum SortKey {
        orderedAt("o.ordered_at"), orderNo("o.order_no"), total("o.total"), status("o.status");

        final String column;

        SortKey(String column) {
            this.column = column;
        }
    }

    public record Row(String orderNo, Instant orderedAt, String status, String paymentStatus,
                      String paymentMethodCode, String subscriptionNo, Integer deliveryIndex, String customerName,
                      String email, long total, boolean bounced) {
    }

    public record Page(List<Row> items, int page, int size, long totalElements) {
    }

    public record Line(int lineNo, String productCode, String productName, long unitPrice, int quantity,
                       long amount) {
    }

    public record Totals(long subtotal, long shippingFee, long paymentFee, long coolFee, long discount,
                         long pointsUsed, long pointsEarned, long total) {
    }

    public record Payment(String methodCode, String methodName, String status, boolean gatewayBlocked,
                          AuthorizationResults.AuthorizationResult authorization) {
    }

    public record ShipmentDetail(int shipmentNo, String name, String zipcode, String address, String tel,
                                 String carrierCode, String carrierName, String timeSlotCode, String timeSlotLabel,
                                 LocalDate deliveryDate, LocalDate shippedDate, List<String> trackingNumbers) {
    }

    /** SUB-23: the subscription an order belongs to and what it prints as the next delivery. */
    public record SubscriptionRef(String subscriptionNo, int deliveryIndex, LocalDate nextDeliveryDate,
                                  String nextDeliverySchedule) {
    }

    public record Event(Instant occurredAt, String actor, String type, String detail) {
    }

    public record Detail(String orderNo, Instant orderedAt, String status, String email, String customerName,
                         String customerNameKana, String tel, String zipcode, String address, boolean bounced,
                         String memo, String shopMemo, Map<Integer, String> attributes, List<Line> lines,
                         Totals totals, Payment payment, List<ShipmentDetail> shipments, SubscriptionRef subscription,
                         List<Event> events) {
    }

    private final JdbcClient jdbc;
    private final OrderRepository orders;
    private final BounceRegistry bounces;
    private final ShopDirectory shops;
    private final AuthorizationResults authorizations;
    private final PaymentMethodLabels methodLabels;

    OrderQueries(JdbcClient jdbc, OrderRepository orders, BounceRegistry bounces, ShopDirectory shops,
                 AuthorizationResults authorizations, PaymentMethodLabels methodLabels) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.bounces = bounces;
        this.shops = shops;
        this.authorizations = authorizations;
        this.methodLabels = methodLabels;
    }

    /** One page of the shop's orders, filtered and sorted (ties broken by order id). */
    public Page list(long shopId, Filter f, int page, int size, SortKey sort, boolean descending) {
        StringBuilder where = new StringBuilder(" WHERE o.shop_id = :shop");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("shop", shopId);
        if (f.from() != null) {
            where.append(" AND o.ordered_at >= :from");
            params.put("from", f.from().atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (f.to() != null) {
            where.append(" AND o.ordered_at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime());
        }
        if (f.status() != null) {
            where.append(" AND o.status = :status");
            params.put("status", f.status());
        }
        if (f.paymentStatus() != null) {
            where.append(" AND o.payment_status = :paymentStatus");
            params.put("paymentStatus", f.paymentStatus());
        }
        if (f.kind() == Kind.REGULAR) {
            where.append(" AND o.subscription_id IS NULL");
        } else if (f.kind() == Kind.SUBSCRIPTION) {
            where.append(" AND o.subscription_id IS NOT NULL");
        }
        String order = " ORDER BY " + sort.column + (descending ? " DESC" : " ASC") + ", o.id"
                + (descending ? " DESC" : " ASC");
        String select = """
                SELECT o.order_no, o.ordered_at, o.status, o.payment_status, o.payment_method_code, o.subscription_no,
                       o.delivery_index, o.last_name, o.first_name, o.email, o.total FROM customer_order o""";
        if (f.bounced() == null) {
            long count = jdbc.sql("SELECT COUNT(*) FROM customer_order o" + where).params(params)
                    .query(Long.class).single();
            List<Row> rows = jdbc.sql(select + where + order + " OFFSET " + ((long) page * size) + " ROWS FETCH NEXT "
                    + size + " ROWS ONLY").params(params).query((rs, n) -> row(rs, shopId)).list();
            return new Page(rows, page, size, count);
        }
        // BNC-2: the flag lives with the bounce registry, so the bounced filter is applied row by row
        List<Row> all = new ArrayList<>();
        for (Row r : jdbc.sql(select + where + order).params(params).query((rs, n) -> row(rs, shopId)).list()) {
            if (r.bounced() == f.bounced()) {
                all.add(r);
            }
        }
        int fromIndex = (int) Math.min((long) page * size, all.size());
        int toIndex = Math.min(fromIndex + size, all.size());
        return new Page(List.copyOf(all.subList(fromIndex, toIndex)), page, size, all.size());
    }

    private Row row(ResultSet rs, long shopId) throws SQLException {
        String email = rs.getString("email");
        return new Row(rs.getString("order_no"), rs.getObject("ordered_at", OffsetDateTime.class).toInstant(),
                rs.getString("status"), rs.getString("payment_status"), rs.getString("payment_method_code"),
                rs.getString("subscription_no"), rs.getObject("delivery_index", Integer.class),
                rs.getString("last_name") + " " + rs.getString("first_name"), email, rs.getLong("total"),
                bounces.flag(shopId, email).isPresent());
    }

    /** The order's detail; empty when the shop has no such order. */
    public Optional<Detail> detail(long shopId, String orderNo) {
        return jdbc.sql("SELECT * FROM customer_order WHERE shop_id = :shop AND order_no = :no")
                .param("shop", shopId).param("no", orderNo)
                .query((rs, n) -> header(rs)).optional()
                .map(h -> complete(shopId, h));
    }

    private record Header(long id, Detail detail) {
    }

    private static Header header(ResultSet rs) throws SQLException {
        String subscriptionNo = rs.getString("subscription_no");
        SubscriptionRef subscription = subscriptionNo == null ? null : new SubscriptionRef(subscriptionNo,
                rs.getInt("delivery_index"), rs.getObject("next_delivery_date", LocalDate.class),
                rs.getString("next_delivery_schedule"));
        Totals totals = new Totals(rs.getLong("subtotal"), rs.getLong("shipping_fee"), rs.getLong("payment_fee"),
                rs.getLong("cool_fee"), rs.getLong("discount"), rs.getLong("points_used"), rs.getLong("points_earned"),
                rs.getLong("total"));
        Payment payment = new Payment(rs.getString("payment_method_code"), rs.getString("payment_method_name"),
                rs.getString("payment_status"),
                rs.getBoolean("gateway_blocked"), null);
        String kana = rs.getString("last_name_kana") == null ? null
                : rs.getString("last_name_kana") + " " + nullToEmpty(rs.getString("first_name_kana"));
        Detail d = new Detail(rs.getString("order_no"), rs.getObject("ordered_at", OffsetDateTime.class).toInstant(),
                rs.getString("status"), rs.getString("email"), rs.getString("last_name") + " "
                + rs.getString("first_name"), kana, rs.getString("tel"), rs.getString("zipcode"),
                OrderRepository.join(rs.getString("pref"), rs.getString("city"), rs.getString("address"), rs.getString("building")),
                false, rs.getString("memo"), rs.getString("shop_memo"), Map.of(), List.of(), totals, payment,
                List.of(), subscription, List.of());
        return new Header(rs.getLong("id"), d);
    }

    private Detail complete(long shopId, Header h) {
        Detail d = h.detail();
        List<Line> lines = orders.lines(h.id()).stream().map(l -> new Line(l.lineNo(), l.productCode(),
                l.productName(), l.unitPrice(), l.quantity(), l.unitPrice() * l.quantity())).toList();
        // the name the order was placed with (a later rename of the method does not change it)
        Payment payment = new Payment(d.payment().methodCode(),
                methodLabels.orderLabel(d.payment().methodName(), d.payment().methodCode()),
                d.payment().status(), d.payment().gatewayBlocked(),
                authorizations.lastAuthorization(h.id()).orElse(null));
        List<ShipmentDetail> shipments = orders.shipments(h.id()).stream().map(s -> new ShipmentDetail(s.shipmentNo(),
                s.lastName() + " " + s.firstName(), s.zipcode(), s.address(), s.tel(), s.carrierCode(),
                s.carrierName(), s.timeSlotCode(), shops.timeSlotLabel(s.carrierId(), s.timeSlotCode()).orElse(null),
                s.deliveryDate(), s.shippedDate(), s.trackingNumbers())).toList();
        List<Event> events = orders.events(h.id()).stream()
                .map(e -> new Event(e.occurredAt(), e.actor(), e.type(), e.detail())).toList();
        return new Detail(d.orderNo(), d.orderedAt(), d.status(), d.email(), d.customerName(), d.customerNameKana(),
                d.tel(), d.zipcode(), d.address(), bounces.flag(shopId, d.email()).isPresent(), d.memo(), d.shopMemo(),
                orders.orderAttributes(h.id()), lines, d.totals(), payment, shipments, d.subscription(), events);
    }

    /** The orders of one subscription, delivery 1 first (the subscription detail lists them). */
    public List<Row> ofSubscription(long shopId, long subscriptionId) {
        return jdbc.sql("""
                SELECT o.order_no, o.ordered_at, o.status, o.payment_status, o.payment_method_code, o.subscription_no,
                       o.delivery_index, o.last_name, o.first_name, o.email, o.total FROM customer_order o
                WHERE o.shop_id = :shop AND o.subscription_id = :sub ORDER BY o.delivery_index, o.id""")
                .param("shop", shopId).param("sub", subscriptionId).query((rs, n) -> row(rs, shopId)).list();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
