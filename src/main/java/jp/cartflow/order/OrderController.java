package jp.cartflow.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Set;

/** The back office's orders: the list (SUB-33, BNC-2) and one order's detail (SUB-23). */
@RestController
@RequestMapping("/api/orders")
@Tag(name = "Orders", description = "受注一覧と受注詳細 (SUB-23, SUB-33, BNC-2)")
class OrderController {

    static final Set<String> STATUSES = Set.of("NEW", "PROCESSING", "SHIPPED", "DELIVERED", "CANCELLED");
    static final Set<String> PAYMENT_STATUSES = Set.of("UNPAID", "AUTHORIZING", "AUTHORIZED", "AUTH_PENDING",
            "AUTH_DECLINED", "CAPTURED", "CANCELLED", "REFUNDED", "UNLINKED");
    private static final int MAX_SIZE = 100;

    private final OrderQueries queries;
    private final ShopDirectory shops;

    OrderController(OrderQueries queries, ShopDirectory shops) {
        this.queries = queries;
        this.shops = shops;
    }

    @GetMapping
    @Operation(summary = "Orders of the shop, filtered, paged and sorted; each row with its subscription no. "
            + "(SUB-33) and the bounce flag of its address (BNC-2)",
            description = "The shop's orders, filtered, paged and sorted; generated orders carry their subscription number. Rules: SUB-33, BNC-2.")
    public OrderQueries.Page list(
            @Parameter(description = "ordered on or after (Asia/Tokyo)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "ordered on or before (Asia/Tokyo)") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "NEW, PROCESSING, SHIPPED, DELIVERED, CANCELLED") @RequestParam(required = false)
            String status,
            @Parameter(description = "UNPAID, AUTHORIZING, AUTHORIZED, AUTH_PENDING, AUTH_DECLINED, CAPTURED, "
                    + "CANCELLED, REFUNDED, UNLINKED") @RequestParam(required = false) String paymentStatus,
            @Parameter(description = "REGULAR (通常受注) or SUBSCRIPTION (定期受注)") @RequestParam(required = false)
            String kind,
            @Parameter(description = "true: only orders whose address is bounce-flagged; false: only the others")
            @RequestParam(required = false) Boolean bounced,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "orderedAt | orderNo | total | status, then ,asc or ,desc (default orderedAt,desc)")
            @RequestParam(defaultValue = "orderedAt,desc") String sort) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.invalid("to", "to is before from");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalid("status", "unknown order status " + status);
        }
        if (paymentStatus != null && !PAYMENT_STATUSES.contains(paymentStatus)) {
            throw ApiException.invalid("paymentStatus", "unknown payment status " + paymentStatus);
        }
        OrderQueries.Kind k = null;
        if (kind != null) {
            try {
                k = OrderQueries.Kind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("kind", "kind is REGULAR or SUBSCRIPTION");
            }
        }
        if (page < 0) {
            throw ApiException.invalid("page", "page starts at 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalid("size", "size is 1 to " + MAX_SIZE);
        }
        String[] parts = sort.split(",", -1);
        OrderQueries.SortKey key;
        try {
            key = OrderQueries.SortKey.valueOf(parts[0]);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("sort", "sort by orderedAt, orderNo, total or status");
        }
        if (parts.length > 2 || (parts.length == 2 && !parts[1].equals("asc") && !parts[1].equals("desc"))) {
            throw ApiException.invalid("sort", "the direction is asc or desc");
        }
        boolean descending = parts.length < 2 || parts[1].equals("desc");
        return queries.list(shops.current().id(),
                new OrderQueries.Filter(from, to, status, paymentStatus, k, bounced), page, size, key, descending);
    }

    @GetMapping("/{orderNo}")
    @Operation(summary = "One order: lines, totals, payment with its authorization result, shipments, memo, the next "
            + "delivery of a subscription order (SUB-23) and the audit trail with every operator decision",
            description = "One order with lines, totals, payment and authorization result, shipments, memo and the next delivery schedule. Rules: SUB-23, SUB-33, PAY-1.")
    public OrderQueries.Detail detail(@PathVariable String orderNo) {
        return queries.detail(shops.current().id(), orderNo)
                .orElseThrow(() -> ApiException.notFound("order " + orderNo, "orderNo"));
    }
}
