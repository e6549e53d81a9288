package jp.cartflow.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The storefront reads stock by code (group integrations, and admins). */
@RestController
@RequestMapping("/api/inventory/stock")
@Tag(name = "Inventory", description = "在庫: stock by product code or variant stock code")
class StorefrontStockController {

    static final int MAX_CODES = 200;

    record Item(String code, Integer stock, boolean unlimited) {
    }

    record StockResponse(List<Item> items, List<String> unknown) {
    }

    private final StockLevels stock;
    private final ShopDirectory shops;

    StorefrontStockController(StockLevels stock, ShopDirectory shops) {
        this.stock = stock;
        this.shops = shops;
    }

    @GetMapping
    @Operation(summary = "Stock of up to 200 codes of the shop (storefront; group integrations)",
            description = "stock is left out when the product has unlimited stock. Codes cartflow does not know are "
                    + "listed under unknown. A product code whose stock is kept per variant has no stock of its own; ask "
                    + "for its variant stock codes. Rules: INV-1.")
    StockResponse read(@Parameter(description = "Comma-separated codes, or the parameter repeated")
                       @RequestParam(required = false) List<String> codes) {
        Set<String> wanted = new LinkedHashSet<>();
        if (codes != null) {
            codes.stream().flatMap(c -> List.of(c.split(",")).stream()).map(String::strip)
                    .filter(c -> !c.isEmpty()).forEach(wanted::add);
        }
        if (wanted.isEmpty()) {
            throw ApiException.invalid("codes", "codes: give at least one product code");
        }
        if (wanted.size() > MAX_CODES) {
            throw ApiException.invalid("codes", "codes: at most " + MAX_CODES + " per request");
        }
        if (wanted.stream().anyMatch(c -> c.length() > 64)) {
            throw ApiException.invalid("codes", "codes: a code has at most 64 characters");
        }
        Map<String, StockLevels.Stock> known = stock.resolve(shops.current().id(), wanted);
        List<Item> items = wanted.stream().filter(known::containsKey).map(known::get)
                .map(s -> new Item(s.code(), s.unlimited() || s.kind() == StockLevels.Kind.PRODUCT_WITH_VARIANTS
                        ? null : s.quantity(), s.unlimited()))
                .toList();
        return new StockResponse(items, wanted.stream().filter(c -> !known.containsKey(c)).toList());
    }
}
