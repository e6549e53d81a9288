package jp.cartflow.inventory;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a stock batch (INV-1), stored with it: a replay of the batch gets this same answer. Every line is
 * in exactly one list.
 */
@Schema(description = "What a stock batch did, line by line; a resent batch gets the same answer again")
record StockAnswer(
        @Schema(description = "The tool's batch id") String batchId,
        @Schema(description = "TEMPOSTAR, ZAIKO_ROBOT or OTHER") String tool,
        @Schema(description = "When cartflow applied the batch (first receipt)") Instant appliedAt,
        @Schema(description = "Lines whose stock was set") List<Updated> updated,
        @Schema(description = "Lines not applied: the product has unlimited stock") List<Skipped> skipped,
        @Schema(description = "Lines whose code matches no product code and no variant stock code") List<Unknown> unknown,
        @Schema(description = "Lines not applied because cartflow keeps that stock elsewhere, e.g. a product code "
                + "whose stock is kept per variant stock code") List<Rejected> rejected) {

    record Updated(int line, String code, int quantity, int previousQuantity) {
    }

    record Skipped(int line, String code, String reason) {
    }

    record Unknown(int line, String code) {
    }

    record Rejected(int line, String code, String field, String reason) {
    }
}
