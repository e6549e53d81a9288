package jp.cartflow.payment;

/** The payment side of an order (customer_order columns the order record does not carry). */
public record PaymentOrder(long id, long shopId, String orderNo, Long memberId, String status,
                           String paymentMethodCode, PaymentStatus paymentStatus, boolean gatewayBlocked,
                           long total, String shopMemo, Long carrierId) {

    public boolean cancelled() {
        return "CANCELLED".equals(status);
    }
}
