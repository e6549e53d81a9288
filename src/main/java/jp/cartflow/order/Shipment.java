package jp.cartflow.order;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A parcel group of an order: recipient, carrier, and the tracking numbers once shipped. */
public record Shipment(long id, int shipmentNo, String lastName, String firstName, String lastNameKana,
                       String firstNameKana, String zipcode, String address, String tel, Long carrierId,
                       String carrierCode, String carrierName, String trackingUrlTemplate, String timeSlotCode,
                       LocalDate deliveryDate, LocalDate shippedDate, List<String> trackingNumbers,
                       Map<Integer, String> attributes) {

    public boolean hasTrackingNumbers() {
        return !trackingNumbers.isEmpty();
    }
}
