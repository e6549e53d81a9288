package jp.cartflow.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a stock batch from JSON or CSV and checks every line (INV-1). Any bad line refuses the whole batch, and
 * the refusal names every line and field at fault (up to {@value #MAX_REPORTED}).
 * <ul>
 *   <li>JSON: {@code {"batchId": "...", "lines": [{"code": "...", "quantity": 3}, ...]}}</li>
 *   <li>CSV: header {@code code,quantity} (or {@code 商品コード,在庫数}), one line per code; UTF-8 (BOM allowed) or,
 *       with {@code charset=Shift_JIS} / {@code Windows-31J} in the content type, the Japanese Windows encoding.
 *       The batch id is the {@code batchId} query parameter.</li>
 * </ul>
 */
@Component
class StockBatchReader {

    static final int MAX_QUANTITY = 999_999;
    static final int MAX_REPORTED = 100;
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final List<List<String>> HEADERS = List.of(List.of("code", "quantity"), List.of("商品コード", "在庫数"));

    private final ObjectMapper json;
    private final int maxLines;

    StockBatchReader(ObjectMapper json, @Value("${cartflow.inventory.stock.max-lines:20000}") int maxLines) {
        this.json = json;
        this.maxLines = maxLines;
    }

    int maxLines() {
        return maxLines;
    }

    StockBatch json(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    "$", "The body is not valid JSON.");
        } catch (IOException e) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "$", "The body cannot be read.");
        }
        if (root == null || !root.isObject()) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "$", "The body must be a JSON object.");
        }
        String batchId = batchId(root.path("batchId").isTextual() ? root.path("batchId").asText() : null);
        JsonNode lines = root.path("lines");
        if (!lines.isArray()) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "lines", "'lines' must be an array.");
        }
        checkSize(lines.size());
        Checker checker = new Checker();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = lines.get(i);
            String prefix = "lines[" + i + "].";
            int lineNo = i + 1;
            if (!node.isObject()) {
                checker.problem(lineNo, "lines[" + i + "]", "must be an object with code and quantity");
                continue;
            }
            JsonNode code = node.path("code");
            JsonNode quantity = node.path("quantity");
            Integer q = null;
            if (!quantity.isIntegralNumber()) {
                checker.problem(lineNo, prefix + "quantity", quantity.isMissingNode() || quantity.isNull()
                        ? "is missing" : "must be a whole number (got " + quantity + ")");
            } else if (quantity.bigIntegerValue().signum() < 0) {
                checker.problem(lineNo, prefix + "quantity", "must not be negative (got " + quantity + ")");
            } else if (quantity.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(MAX_QUANTITY)) > 0) {
                checker.problem(lineNo, prefix + "quantity", "must be at most " + MAX_QUANTITY + " (got " + quantity + ")");
            } else {
                q = quantity.intValue();
            }
            checker.line(lineNo, prefix, code.isTextual() ? code.asText() : null, q);
        }
        return checker.batch(batchId);
    }

    StockBatch csv(byte[] body, Charset charset, String batchIdParameter) {
        String batchId = batchId(batchIdParameter);
        List<String> lines = decodeLines(body, charset);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, 1, "header",
                    "The CSV is empty; its first line must be the header code,quantity.");
        }
        List<String> header = fields(lines.get(0)).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!HEADERS.contains(header)) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, 1, "header",
                    "The header must be code,quantity (or 商品コード,在庫数), not " + String.join(",", header) + ".");
        }
        int dataLines = (int) lines.stream().skip(1).filter(l -> !l.isBlank()).count();
        checkSize(dataLines);
        Checker checker = new Checker();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            int lineNo = i + 1;
            if (text.isBlank()) {
                continue;
            }
            List<String> fields = fields(text);
            if (fields.size() != 2) {
                checker.problem(lineNo, "line", "must have 2 fields (code,quantity), has " + fields.size());
                continue;
            }
            String quantity = fields.get(1).strip();
            Integer q = null;
            if (!INTEGER.matcher(quantity).matches()) {
                checker.problem(lineNo, "quantity", quantity.isEmpty() ? "is missing"
                        : "must be a whole number (got '" + quantity + "')");
            } else if (quantity.startsWith("-")) {
                checker.problem(lineNo, "quantity", "must not be negative (got " + quantity + ")");
            } else if (quantity.replaceFirst("^\\+?0*", "").length() > 6
                    || Integer.parseInt(quantity.replaceFirst("^\\+", "")) > MAX_QUANTITY) {
                checker.problem(lineNo, "quantity", "must be at most " + MAX_QUANTITY + " (got " + quantity + ")");
            } else {
                q = Integer.parseInt(quantity.replaceFirst("^\\+", ""));
            }
            checker.line(lineNo, "", fields.get(0).strip(), q);
        }
        return checker.batch(batchId);
    }

    private void checkSize(int lines) {
        if (lines == 0) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "lines", "The batch is empty.");
        }
        if (lines > maxLines) {
            throw StockBatchRejected.of(HttpStatus.PAYLOAD_TOO_LARGE, maxLines + 1, "lines",
                    "The batch has " + lines + " lines; at most " + maxLines + " per batch (split it).");
        }
    }

    private static String batchId(String batchId) {
        if (batchId == null || batchId.isBlank()) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "batchId",
                    "'batchId' is missing: every batch needs the tool's own id, so a resent batch is recognised.");
        }
        if (!BATCH_ID.matcher(batchId).matches()) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "batchId",
                    "'batchId' must be 1-64 characters of A-Z a-z 0-9 . _ : -");
        }
        return batchId;
    }

    /** Splits at LF (never part of a Shift_JIS character) and decodes each line strictly, naming the first bad one. */
    private static List<String> decodeLines(byte[] body, Charset charset) {
        int start = 0;
        if (charset.equals(StandardCharsets.UTF_8) && body.length >= 3
                && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        List<String> lines = new ArrayList<>();
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineStart = start;
        for (int i = start; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > lineStart && body[i - 1] == '\r' ? i - 1 : i;
                if (!(i == body.length && lineStart == body.length)) {
                    try {
                        lines.add(decoder.reset().decode(ByteBuffer.wrap(body, lineStart, end - lineStart)).toString());
                    } catch (CharacterCodingException e) {
                        throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, lines.size() + 1, "encoding",
                                "Line " + (lines.size() + 1) + " is not valid " + charset.name()
                                        + "; send charset=Shift_JIS (or Windows-31J) in the content type for Japanese "
                                        + "Windows files, UTF-8 otherwise.");
                    }
                }
                lineStart = i + 1;
            }
        }
        return lines;
    }

    /** One CSV line's fields; a field may be quoted ("..." with "" for a quote). */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    /** Collects lines and problems: codes present and sane, each code once. */
    private static final class Checker {
        private final List<StockBatch.Line> lines = new ArrayList<>();
        private final List<StockBatchRejected.Problem> problems = new ArrayList<>();
        private final Map<String, Integer> seen = new HashMap<>();

        void problem(int line, String field, String message) {
            if (problems.size() < MAX_REPORTED) {
                problems.add(new StockBatchRejected.Problem(line, field, "line " + line + ": " + field + " " + message));
            }
        }

        void line(int lineNo, String prefix, String code, Integer quantity) {
            if (code == null || code.isBlank()) {
                problem(lineNo, prefix + "code", "is missing");
                return;
            }
            if (code.length() > 64 || code.chars().anyMatch(Character::isISOControl)) {
                problem(lineNo, prefix + "code", "must be at most 64 printable characters");
                return;
            }
            Integer first = seen.putIfAbsent(code, lineNo);
            if (first != null) {
                problem(lineNo, prefix + "code", "'" + code + "' is in the batch twice (first on line " + first + ")");
                return;
            }
            if (quantity != null) {
                lines.add(new StockBatch.Line(lineNo, prefix, code, quantity));
            }
        }

        StockBatch batch(String batchId) {
            if (!problems.isEmpty()) {
                throw new StockBatchRejected(HttpStatus.UNPROCESSABLE_ENTITY, problems);
            }
            return new StockBatch(batchId, lines);
        }
    }
}
