package jp.cartflow.shop;

import java.util.regex.Pattern;

/** A shipping method (配送方法) with its tracking URL (伝票No.URL, MAIL-2). */
public record Carrier(long id, long shopId, String code, String name, String trackingUrlTemplate,
                      String trackingNumberPattern) {

    /** Whether the number has the shape this carrier's numbers have (any shape when none is set). */
    public boolean acceptsTrackingNumber(String trackingNumber) {
        return trackingNumberPattern == null || trackingNumberPattern.isBlank()
                || Pattern.compile(trackingNumberPattern).matcher(trackingNumber).matches();
    }
}
