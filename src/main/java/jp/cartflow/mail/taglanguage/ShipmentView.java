package jp.cartflow.mail.taglanguage;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One shipment (delivery destination), rendered once per {@code <sectionShipping>} repetition.
 * Any component may be {@code null} (renders as empty).
 *
 * <p>{@code trackingUrlTemplate} is the carrier's 伝票No.URL from the shipping-method settings (MAIL-2);
 * {@link #deliveryTrackingUrl()} places this shipment's first tracking number in it via {@link TrackingUrl};
 * {@link #parcels()} gives every parcel (one per tracking number) with its own URL, for {@code <sectionParcel>}.
 * {@code timeSlot} is what the mail prints for the delivery time slot: the carrier's label (e.g. 14〜16時), or
 * 指定なし — the caller resolves the stored code.
 * {@code attributes} holds the destination's attribute values for {@code <!--{shippingAttribute id=N}-->}
 * (90 = company, 91 = department, other ids = member custom attributes).
 */
public record ShipmentView(String name1, String name2, String kana1, String kana2,
                           String zip, String address, String tel,
                           String shippingMethod, String shippingMethodId, String trackingUrlTemplate,
                           String timeSlot, Temporal deliveryDate, Temporal shippedDate, List<String> trackingNumbers,
                           Map<Integer, String> attributes) {

    public ShipmentView {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        List<String> numbers = new ArrayList<>();
        if (trackingNumbers != null) {
            trackingNumbers.stream().filter(n -> n != null && !n.isBlank()).forEach(numbers::add);
        }
        trackingNumbers = List.copyOf(numbers);
    }

    /** The first parcel's tracking number, or {@code null} before shipping. */
    public String trackingNumber() {
        return trackingNumbers.isEmpty() ? null : trackingNumbers.get(0);
    }

    /** The carrier's tracking URL holding the first parcel's tracking number (MAIL-2). */
    public String deliveryTrackingUrl() {
        return TrackingUrl.of(trackingUrlTemplate, trackingNumber());
    }

    /** One view per tracking number, each with its own tracking URL (MAIL-2); empty before shipping. */
    public List<ParcelView> parcels() {
        List<ParcelView> parcels = new ArrayList<>();
        for (int i = 0; i < trackingNumbers.size(); i++) {
            String number = trackingNumbers.get(i);
            parcels.add(new ParcelView(i + 1, number, TrackingUrl.of(trackingUrlTemplate, number)));
        }
        return List.copyOf(parcels);
    }

    public static ShipmentView empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} gives the immutable record. */
    public static final class Builder {
        private String name1;
        private String name2;
        private String kana1;
        private String kana2;
        private String zip;
        private String address;
        private String tel;
        private String shippingMethod;
        private String shippingMethodId;
        private String trackingUrlTemplate;
        private String timeSlot;
        private Temporal deliveryDate;
        private Temporal shippedDate;
        private List<String> trackingNumbers = List.of();
        private Map<Integer, String> attributes = Map.of();

        private Builder() {
        }

        public Builder name(String family, String given) { name1 = family; name2 = given; return this; }
        public Builder kana(String family, String given) { kana1 = family; kana2 = given; return this; }
        public Builder zip(String v) { zip = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder tel(String v) { tel = v; return this; }
        public Builder shippingMethod(String id, String name) { shippingMethodId = id; shippingMethod = name; return this; }
        public Builder trackingUrlTemplate(String v) { trackingUrlTemplate = v; return this; }
        public Builder timeSlot(String v) { timeSlot = v; return this; }
        public Builder deliveryDate(Temporal v) { deliveryDate = v; return this; }
        public Builder shippedDate(Temporal v) { shippedDate = v; return this; }
        /** A single parcel's tracking number ({@code null}: not shipped yet). */
        public Builder trackingNumber(String v) { trackingNumbers = v == null ? List.of() : List.of(v); return this; }
        /** Every parcel's tracking number, in parcel order. */
        public Builder trackingNumbers(List<String> v) { trackingNumbers = v; return this; }
        public Builder attributes(Map<Integer, String> v) { attributes = v; return this; }

        public ShipmentView build() {
            return new ShipmentView(name1, name2, kana1, kana2, zip, address, tel, shippingMethod,
                    shippingMethodId, trackingUrlTemplate, timeSlot, deliveryDate, shippedDate, trackingNumbers,
                    attributes);
        }
    }
}
