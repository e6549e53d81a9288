package jp.cartflow.mail.taglanguage;

/**
 * One parcel (個口) of a shipment: its tracking number and the carrier's tracking URL holding that number
 * (MAIL-2), rendered once per {@code <sectionParcel>} repetition. {@code parcelNo} counts from 1.
 */
public record ParcelView(int parcelNo, String trackingNumber, String deliveryTrackingUrl) {
}
