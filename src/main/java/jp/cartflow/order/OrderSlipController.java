package jp.cartflow.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.Shop;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The order's slips as PDF: 納品書 and 請求書, each with the subscription no. and next delivery (SUB-23). */
@RestController
@RequestMapping("/api/orders/{orderNo}")
@Tag(name = "Orders", description = "受注一覧と受注詳細 (SUB-23, SUB-33, BNC-2)")
class OrderSlipController {

    private final OrderQueries queries;
    private final ShopDirectory shops;
    private final OrderSlips slips;

    OrderSlipController(OrderQueries queries, ShopDirectory shops, OrderSlips slips) {
        this.queries = queries;
        this.shops = shops;
        this.slips = slips;
    }

    @GetMapping(value = "/delivery-slip.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "納品書 (delivery slip) of the order as an A4 PDF with an embedded Japanese font",
            description = "The delivery slip: shop, order no. and date, customer, shipping addresses, lines, amounts "
                    + "and payment method; a subscription order adds its subscription no. and next delivery. "
                    + "Rules: SUB-23.",
            responses = @ApiResponse(responseCode = "200", description = "the slip",
                    content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> deliverySlip(@PathVariable String orderNo) {
        return slip(OrderSlips.Kind.DELIVERY_SLIP, orderNo);
    }

    @GetMapping(value = "/invoice.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "請求書 (invoice) of the order as an A4 PDF with an embedded Japanese font",
            description = "The invoice: the delivery slip's content plus the billed amount (tax included) and the "
                    + "shop's payee note when configured; a subscription order adds its subscription no. and next "
                    + "delivery. Rules: SUB-23.",
            responses = @ApiResponse(responseCode = "200", description = "the invoice",
                    content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> invoice(@PathVariable String orderNo) {
        return slip(OrderSlips.Kind.INVOICE, orderNo);
    }

    private ResponseEntity<byte[]> slip(OrderSlips.Kind kind, String orderNo) {
        Shop shop = shops.current();
        OrderQueries.Detail order = queries.detail(shop.id(), orderNo)
                .orElseThrow(() -> ApiException.notFound("order " + orderNo, "orderNo"));
        byte[] pdf = slips.render(kind, shop, order);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(OrderSlips.fileName(kind, order.orderNo())).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(pdf);
    }
}
