package jp.cartflow.mail.taglanguage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A carrier's tracking URL (伝票No.URL, MAIL-2) with the tracking number placed in it. */
final class TrackingUrl {

    /** The placeholder in the shipping method's URL setting that receives the tracking number. */
    public static final String PLACEHOLDER = "{trackingNo}";

    private TrackingUrl() {
    }

    /**
     * Replaces every {@value #PLACEHOLDER} in {@code template} by the URL-encoded tracking number
     * (spaces as {@code %20}). A template without the placeholder is returned unchanged (a carrier page
     * where the customer types the number); a missing template gives "" and a missing number an empty slot.
     */
    public static String of(String template, String trackingNumber) {
        if (template == null || template.isBlank()) {
            return "";
        }
        String number = trackingNumber == null ? "" : trackingNumber.strip();
        String encoded = URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");
        return template.strip().replace(PLACEHOLDER, encoded);
    }
}
