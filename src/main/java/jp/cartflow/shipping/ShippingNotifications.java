package jp.cartflow.shipping;

import jp.cartflow.shop.Carrier;

import java.util.List;

/** The port to the shipping-notification process (the engine stays behind it). */
public interface ShippingNotifications {

    /** Starts a notification for a shipment whose tracking numbers are recorded; returns the instance id. */
    String startForRegisteredShipment(String orderNo, long orderId, long shipmentId, boolean includeSubscriptionNo);

    /** Starts a notification that first asks an operator for the tracking number; returns the instance id. */
    String startAwaitingTrackingNumber(String orderNo, long orderId, long shipmentId, boolean includeSubscriptionNo,
                                       String carrierCode, List<Carrier> carriers);

    /** Whether a notification is running for this shipment. */
    boolean isRunningFor(long shipmentId);
}
