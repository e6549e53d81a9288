package jp.cartflow.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** INV-1: an inventory tool sets stock by code. Authenticated by {@link ToolSecurityConfiguration}. */
@RestController
@RequestMapping("/api/inventory/{tool}/stock")
@Tag(name = "Inventory tools", description = "在庫連携: stock batches from TEMPOSTAR, zaikoRobot and other tools (INV-1)")
@SecurityRequirement(name = "toolAccount")
@SecurityScheme(name = "toolAccount", type = SecuritySchemeType.HTTP, scheme = "basic", description = """
        HTTP Basic with the tool account the shop created for your tool: your tool's user id and the password the         shop chose. Not a cartflow user. 401 for wrong credentials (whichever part), 429 after 5 failures in a row         (Retry-After), 403 when the account belongs to another tool than the path names.""")
class StockBatchController {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private final StockBatchReader reader;
    private final StockBatches batches;
    private final int maxBytes;

    StockBatchController(StockBatchReader reader, StockBatches batches,
                         @Value("${cartflow.inventory.stock.max-bytes:4194304}") int maxBytes) {
        this.reader = reader;
        this.batches = batches;
        this.maxBytes = maxBytes;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set stock by code (JSON)", description = """
            Sets the stock of each code (product code or variant stock code 在庫管理コード) to the quantity sent. \
            The batch is applied whole or not at all: one bad line (negative, non-integer or > 999999 quantity, \
            a code twice, a missing code) refuses the batch with 422 naming every line and field, and nothing \
            changes. Unknown codes, products with unlimited stock and product codes whose stock is kept per \
            variant are reported in the answer and not applied. Resending a batch id with the same lines returns \
            the first answer and changes nothing (header Idempotent-Replay: true); with other lines it is a 409. \
            Nothing is sent back to the tool (INV-2). Rules: INV-1, INV-2.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json",
                    schema = @Schema(implementation = StockBatchBody.class),
                    examples = @ExampleObject(value = """
                    {"batchId": "20261201-0930-001", "lines": [{"code": "CF-COFFEE-200", "quantity": 42}]}"""))))
    @ApiResponse(responseCode = "200", description = "Applied (or a replay of an applied batch)")
    @ApiResponse(responseCode = "400", description = "Unreadable body, missing batch id, empty batch",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "Wrong or missing tool credentials",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "The account belongs to another tool",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The batch id was used for other lines",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "More lines or bytes than allowed per batch",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Bad lines; errors[] names line and field of each",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "Too many failed logins; see Retry-After",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<StockAnswer> json(@PathVariable String tool, @AuthenticationPrincipal ToolAccounts.ToolPrincipal account,
                                     HttpServletRequest request) throws IOException {
        return answer(batches.apply(account, reader.json(body(request))));
    }

    @PostMapping(consumes = {"text/csv", "application/csv"}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set stock by code (CSV, UTF-8 or Shift_JIS)", description = """
            The same as the JSON form, from a CSV file: header code,quantity (or 商品コード,在庫数), then one \
            code per line. UTF-8 by default (a BOM is fine); files from Japanese Windows tools with \
            Content-Type: text/csv; charset=Shift_JIS (read as Windows-31J). Line numbers in errors count the \
            header as line 1. Rules: INV-1, INV-2.""")
    ResponseEntity<StockAnswer> csv(@PathVariable String tool, @AuthenticationPrincipal ToolAccounts.ToolPrincipal account,
                                    @Parameter(description = "The tool's id of this batch (1-64 of A-Z a-z 0-9 . _ : -)")
                                    @RequestParam(required = false) String batchId,
                                    HttpServletRequest request) throws IOException {
        return answer(batches.apply(account, reader.csv(body(request), charset(request), batchId)));
    }

    /**
     * The JSON batch as the document describes it (the body is read by {@link StockBatchReader}, which reports
     * every bad line at once instead of stopping at the first).
     */
    record StockBatchBody(
            @Schema(description = "The tool's id of this batch (1-64 of A-Z a-z 0-9 . _ : -)",
                    example = "20261201-0930-001", requiredMode = Schema.RequiredMode.REQUIRED)
            String batchId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Line> lines) {

        record Line(
                @Schema(description = "product code or variant stock code (在庫管理コード)",
                        example = "CF-COFFEE-200", requiredMode = Schema.RequiredMode.REQUIRED)
                String code,
                @Schema(description = "the stock to set, 0-999999", example = "42",
                        requiredMode = Schema.RequiredMode.REQUIRED)
                int quantity) {
        }
    }

    private static ResponseEntity<StockAnswer> answer(StockBatches.Result result) {
        return ResponseEntity.ok().header("Idempotent-Replay", String.valueOf(result.replay())).body(result.answer());
    }

    private byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge();
            }
            return body;
        }
    }

    private StockBatchRejected tooLarge() {
        return StockBatchRejected.of(HttpStatus.PAYLOAD_TOO_LARGE, null, "body",
                "The body is larger than " + maxBytes + " bytes; split the batch.");
    }

    private static Charset charset(HttpServletRequest request) {
        // the content type as sent: the servlet's character encoding is forced to UTF-8 by Spring Boot
        String name;
        try {
            Charset declared = request.getContentType() == null ? null
                    : MediaType.parseMediaType(request.getContentType()).getCharset();
            name = declared == null ? "UTF-8" : declared.name();
        } catch (org.springframework.util.InvalidMimeTypeException | java.nio.charset.UnsupportedCharsetException e) {
            throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "charset",
                    "The content type's charset is not known; use UTF-8 or Shift_JIS.");
        }
        return switch (name.toUpperCase(Locale.ROOT).replace('_', '-')) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "SHIFT-JIS", "SJIS", "WINDOWS-31J", "MS932", "CP932" -> WINDOWS_31J;
            default -> throw StockBatchRejected.of(HttpStatus.BAD_REQUEST, null, "charset",
                    "charset " + name + " is not accepted; use UTF-8 or Shift_JIS.");
        };
    }
}
