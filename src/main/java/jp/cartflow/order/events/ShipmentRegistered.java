package jp.cartflow.order.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A shipment of the order left the warehouse: carrier, shipped date and tracking numbers. */
public record ShipmentRegistered(long orderId, long shopId, String orderNo, long shipmentId, long carrierId,
                                 LocalDate shippedDate, List<String> trackingNumbers, Instant occurredAt)
        implements OrderDomainEvent {

    public ShipmentRegistered {
        trackingNumbers = List.copyOf(trackingNumbers);
    }

    @Override
    public String type() {
        return "order.shipment-registered";
    }
}
