package jp.cartflow.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A tool's stock batch as read and checked (INV-1): its batch id and one line per code. */
record StockBatch(String batchId, List<Line> lines) {

    /** {@code line}: the CSV line number or the 1-based position in the JSON {@code lines} array. */
    record Line(int line, String fieldPrefix, String code, int quantity) {
    }

    StockBatch {
        lines = List.copyOf(lines);
    }

    /** The same codes and quantities in the same order give the same hash, whether sent as JSON or CSV. */
    String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Line line : lines) {
                digest.update((line.code() + '\t' + line.quantity() + '\n').getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
