package jp.cartflow.subscription.domain;

/** Shipping, payment and cool-delivery fees fixed at checkout and copied without recalculation (SUB-10). */
public record Fees(long shipping, long payment, long cool) {

    public Fees {
        if (shipping < 0 || payment < 0 || cool < 0) {
            throw new IllegalArgumentException("fees must be >= 0");
        }
    }
}
