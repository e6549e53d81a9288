package jp.cartflow.order;

record OrderLine(int lineNo, Long productId, String productCode, String productName, long unitPrice,
                        int quantity) {
}
