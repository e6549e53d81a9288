package jp.cartflow.mail.taglanguage;

import java.util.List;
import java.util.Map;

/**
 * The data a template is rendered with (the "template model"); the caller fills it, the engine only reads it.
 *
 * <ul>
 *   <li>{@code shop}, {@code order}, {@code member} — values of the general tags;</li>
 *   <li>{@code lines} — one {@link OrderLineView} per {@code <sectionOrderItem>} repetition;</li>
 *   <li>{@code shipments} — one {@link ShipmentView} per {@code <sectionShipping>} repetition; the general
 *       tags shippingMethod, shippingMethodId, trackingNumber, deliveryTrackingUrl and shippedDate take the
 *       <em>first</em> shipment's values;</li>
 *   <li>{@code orderAttributes} — {@code <!--{orderAttribute id=N}-->} values (90 = company, 91 = department,
 *       other ids = member custom attributes, MEM-1; a date attribute is given as ISO {@code yyyy-MM-dd});</li>
 *   <li>{@code changeSummary} — what changed, for the my-page change notice to the shop (SUB-28);</li>
 *   <li>{@code includeSubscriptionNo} — per send: show {@code <!--{subscriptionNo}-->} (SUB-30); when
 *       {@code false} the tag renders empty.</li>
 * </ul>
 * {@code null} views become empty views and {@code null} collections empty ones; a missing value renders as "".
 */
public record MailContext(ShopView shop, OrderView order, List<OrderLineView> lines, List<ShipmentView> shipments,
                          MemberView member, Map<Integer, String> orderAttributes, String changeSummary,
                          boolean includeSubscriptionNo) {

    public MailContext {
        shop = shop == null ? ShopView.empty() : shop;
        order = order == null ? OrderView.empty() : order;
        lines = lines == null ? List.of() : List.copyOf(lines);
        shipments = shipments == null ? List.of() : List.copyOf(shipments);
        member = member == null ? MemberView.empty() : member;
        orderAttributes = orderAttributes == null ? Map.of() : Map.copyOf(orderAttributes);
    }

    /** The first shipment, or an empty one when the order has none. */
    public ShipmentView firstShipment() {
        return shipments.isEmpty() ? ShipmentView.empty() : shipments.get(0);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} gives the immutable record. */
    public static final class Builder {
        private ShopView shop;
        private OrderView order;
        private List<OrderLineView> lines;
        private List<ShipmentView> shipments;
        private MemberView member;
        private Map<Integer, String> orderAttributes;
        private String changeSummary;
        private boolean includeSubscriptionNo;

        private Builder() {
        }

        public Builder shop(ShopView v) { shop = v; return this; }
        public Builder order(OrderView v) { order = v; return this; }
        public Builder lines(List<OrderLineView> v) { lines = v; return this; }
        public Builder shipments(List<ShipmentView> v) { shipments = v; return this; }
        public Builder member(MemberView v) { member = v; return this; }
        public Builder orderAttributes(Map<Integer, String> v) { orderAttributes = v; return this; }
        public Builder changeSummary(String v) { changeSummary = v; return this; }
        public Builder includeSubscriptionNo(boolean v) { includeSubscriptionNo = v; return this; }

        public MailContext build() {
            return new MailContext(shop, order, lines, shipments, member, orderAttributes, changeSummary,
                    includeSubscriptionNo);
        }
    }
}
