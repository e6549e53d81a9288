package jp.cartflow.mail.taglanguage;

/**
 * One order line, rendered once per {@code <sectionOrderItem>} repetition.
 * Money in yen. {@code lineTotal} may be {@code null}: it is then {@code unitPrice × quantity}.
 */
public record OrderLineView(String productId, String productCode, String productName,
                            Long unitPrice, Integer quantity, Long lineTotal) {

    public OrderLineView {
        if (lineTotal == null && unitPrice != null && quantity != null) {
            lineTotal = unitPrice * quantity;
        }
    }

    public static OrderLineView of(String productId, String productCode, String productName,
                                   long unitPrice, int quantity) {
        return new OrderLineView(productId, productCode, productName, unitPrice, quantity, null);
    }
}
