package jp.cartflow.order.events;

/** A line of a new order as the events carry it: product code and quantity. */
public record OrderedItem(String productCode, int quantity) {
}
