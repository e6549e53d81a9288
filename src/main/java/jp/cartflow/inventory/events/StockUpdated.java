package jp.cartflow.inventory.events;

import java.time.Instant;

/** A product's stock changed (e.g. SUB-9: a generated order took its quantity): the stock after the change. */
public record StockUpdated(long shopId, String productCode, int stock, int change, String reason, Instant occurredAt) {

    public String type() {
        return "inventory.stock_updated";
    }
}
