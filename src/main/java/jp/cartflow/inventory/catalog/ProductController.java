package jp.cartflow.inventory.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.Callers;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Product master data for admins and integrations (商品登録): code, name, price, the subscription prices and
 * flag (SUB-8), the delivery-count limit 定期購入回数, and — when the product is created — its initial stock and the
 * unlimited flag. Later stock changes go through the inventory room's stock API, never through this endpoint.
 */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products", description = "商品マスタ (SUB-8, 定期購入回数)")
class ProductController {

    static final String CODE = "[0-9A-Za-z_.-]{1,64}";

    private final JdbcClient jdbc;
    private final ShopDirectory shops;

    ProductController(JdbcClient jdbc, ShopDirectory shops) {
        this.jdbc = jdbc;
        this.shops = shops;
    }

    public record ProductInput(@NotBlank @Size(max = 255) String name,
                               @Schema(description = "通常価格 (yen)") @NotNull @PositiveOrZero @Max(100_000_000L) Long price,
                               @NotNull Boolean subscriptionEnabled,
                               @Schema(description = "初回価格") @PositiveOrZero @Max(100_000_000L) Long firstPrice,
                               @Schema(description = "2回目以降の価格") @PositiveOrZero @Max(100_000_000L) Long repeatPrice,
                               @Schema(description = "定期購入回数: deliveries per subscription item; null = unlimited")
                               @Min(1) @Max(999) Integer maxDeliveries,
                               Boolean coolDelivery,
                               @Schema(description = "initial stock, only when the product is created")
                               @PositiveOrZero @Max(100_000_000L) Integer stock,
                               @Schema(description = "在庫無制限, only when the product is created") Boolean stockUnlimited) {
    }

    public record ProductView(String productCode, String name, long price, boolean subscriptionEnabled, Long firstPrice,
                              Long repeatPrice, Integer maxDeliveries, boolean coolDelivery, int stock,
                              boolean stockUnlimited) {
    }

    @GetMapping
    @Operation(summary = "The shop's products",
            description = "The shop's products with prices, subscription prices and stock. Rules: SUB-8, SUB-9.")
    public List<ProductView> list() {
        return jdbc.sql("SELECT * FROM product WHERE shop_id = :shop ORDER BY product_code")
                .param("shop", shops.current().id()).query(ProductController::view).list();
    }

    @Operation(summary = "One product of the shop",
            description = "One product with prices, subscription prices (first and repeat), 定期購入回数 and stock. Rules: SUB-8, SUB-9.")
    @GetMapping("/{productCode}")
    public ProductView get(@PathVariable String productCode) {
        return find(shops.current().id(), productCode)
                .orElseThrow(() -> ApiException.notFound("product " + productCode, "productCode"));
    }

    @PutMapping("/{productCode}")
    @Transactional
    @Operation(summary = "Create or update a product (admins and integrations); stock fields only on creation",
            description = "Creates or updates a product; the stock fields count only on creation (later stock comes from orders and tools). Rules: SUB-8, SUB-9, INV-1.")
    public ProductView put(@PathVariable String productCode, @Valid @RequestBody ProductInput in, Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        if (!productCode.matches(CODE)) {
            throw ApiException.invalid("productCode", "a product code is 1-64 letters, digits, _ . -");
        }
        if (Boolean.TRUE.equals(in.subscriptionEnabled()) && in.repeatPrice() == null) {
            throw ApiException.rule("SUB-8", "repeatPrice", "定期購入商品には2回目以降の価格が必要です / "
                    + "a subscription product needs its repeat price");
        }
        long shopId = shops.current().id();
        boolean exists = find(shopId, productCode).isPresent();
        if (exists && (in.stock() != null || in.stockUnlimited() != null)) {
            throw ApiException.invalid("stock", "stock changes go through the inventory stock API, not the product master");
        }
        if (exists) {
            jdbc.sql("""
                    UPDATE product SET name = :name, price = :price, subscription_enabled = :sub,
                        subscription_first_price = :first, subscription_repeat_price = :repeat, max_deliveries = :max,
                        cool_delivery = :cool, updated_at = CURRENT_TIMESTAMP
                    WHERE shop_id = :shop AND product_code = :code""")
                    .param("name", in.name().strip()).param("price", in.price()).param("sub", in.subscriptionEnabled())
                    .param("first", in.firstPrice()).param("repeat", in.repeatPrice()).param("max", in.maxDeliveries())
                    .param("cool", Boolean.TRUE.equals(in.coolDelivery())).param("shop", shopId)
                    .param("code", productCode).update();
        } else {
            jdbc.sql("""
                    INSERT INTO product (shop_id, product_code, name, price, stock, stock_unlimited, subscription_enabled,
                        subscription_first_price, subscription_repeat_price, max_deliveries, cool_delivery)
                    VALUES (:shop, :code, :name, :price, :stock, :unlimited, :sub, :first, :repeat, :max, :cool)""")
                    .param("name", in.name().strip()).param("price", in.price()).param("sub", in.subscriptionEnabled())
                    .param("first", in.firstPrice()).param("repeat", in.repeatPrice()).param("max", in.maxDeliveries())
                    .param("cool", Boolean.TRUE.equals(in.coolDelivery()))
                    .param("stock", in.stock() == null ? 0 : in.stock())
                    .param("unlimited", Boolean.TRUE.equals(in.stockUnlimited())).param("shop", shopId)
                    .param("code", productCode).update();
        }
        return find(shopId, productCode).orElseThrow();
    }

    private java.util.Optional<ProductView> find(long shopId, String code) {
        return jdbc.sql("SELECT * FROM product WHERE shop_id = :shop AND product_code = :code")
                .param("shop", shopId).param("code", code).query(ProductController::view).optional();
    }

    private static ProductView view(ResultSet rs, int n) throws SQLException {
        return new ProductView(rs.getString("product_code"), rs.getString("name"), rs.getLong("price"),
                rs.getBoolean("subscription_enabled"), rs.getObject("subscription_first_price", Long.class),
                rs.getObject("subscription_repeat_price", Long.class), rs.getObject("max_deliveries", Integer.class),
                rs.getBoolean("cool_delivery"), rs.getInt("stock"), rs.getBoolean("stock_unlimited"));
    }
}
