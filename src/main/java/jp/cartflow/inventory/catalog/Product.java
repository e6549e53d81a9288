package jp.cartflow.inventory.catalog;

/** A catalogue product as a subscription sees it: code, name and the subscription prices (SUB-8) and
 * the delivery-count limit 定期購入回数 (null = unlimited). */
public record Product(long id, String code, String name, boolean subscriptionEnabled, Long firstPrice,
                      Long repeatPrice, Integer maxDeliveries) {
}
