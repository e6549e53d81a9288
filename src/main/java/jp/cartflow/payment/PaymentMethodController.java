package jp.cartflow.payment;

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
import jp.cartflow.shop.Carrier;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Payment-method master data for admins and integrations (支払方法): which methods are enabled, for
 * subscriptions too (SUB-17), their fee and the name the customer sees; and which methods each carrier supports.
 */
@RestController
@Tag(name = "Payment methods", description = "支払方法と配送方法ごとの対応 (SUB-17)")
class PaymentMethodController {

    private final JdbcClient jdbc;
    private final ShopDirectory shops;

    PaymentMethodController(JdbcClient jdbc, ShopDirectory shops) {
        this.jdbc = jdbc;
        this.shops = shops;
    }

    public record MethodInput(@Schema(example = "クレジットカード決済") @NotBlank @Size(max = 255) String name,
                              @NotNull Boolean enabled, @NotNull Boolean subscriptionEnabled,
                              @NotNull @PositiveOrZero @Max(1_000_000) Long fee,
                              @Min(0) @Max(9999) Integer sortOrder) {
    }

    public record MethodView(String code, String name, boolean enabled, boolean subscriptionEnabled, long fee) {
    }

    public record CarrierMethods(@NotNull @Size(max = 10) List<@NotBlank String> paymentMethods) {
    }

    @GetMapping("/api/payment-methods")
    @Operation(summary = "The shop's payment methods",
            description = "The shop's payment methods with names, fees and whether subscriptions may use them. Rules: SUB-17.")
    public List<MethodView> list() {
        return jdbc.sql("""
                SELECT code, name, enabled, subscription_enabled, fee FROM payment_method WHERE shop_id = :shop
                ORDER BY sort_order, id""").param("shop", shops.current().id())
                .query((rs, n) -> new MethodView(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getLong(5))).list();
    }

    @PutMapping("/api/payment-methods/{code}")
    @Transactional
    @Operation(summary = "Enable, disable or rename a method (SBPS_CARD, ZEUS_CARD, COD, NP_DEFERRED, FREE)",
            description = "Enables, disables or renames a payment method (SBPS_CARD, ZEUS_CARD, COD, NP_DEFERRED, FREE), for subscriptions too. Rules: SUB-17.")
    public MethodView put(@PathVariable String code, @Valid @RequestBody MethodInput in, Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        PaymentMethodCode.of(code).orElseThrow(() -> ApiException.invalid("code", "unknown payment method " + code));
        if (in.subscriptionEnabled() && !PaymentMethods.isSubscriptionCapable(code)) {
            throw ApiException.rule("SUB-17", "subscriptionEnabled", code + " cannot pay subscriptions");
        }
        long shopId = shops.current().id();
        int updated = jdbc.sql("""
                UPDATE payment_method SET name = :name, enabled = :enabled, subscription_enabled = :sub, fee = :fee,
                    sort_order = COALESCE(:sort, sort_order)
                WHERE id = (SELECT MIN(id) FROM payment_method WHERE shop_id = :shop AND code = :code)""")
                .param("name", in.name().strip()).param("enabled", in.enabled()).param("sub", in.subscriptionEnabled())
                .param("fee", in.fee()).param("sort", in.sortOrder()).param("shop", shopId).param("code", code).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO payment_method (shop_id, code, name, fee, subscription_enabled, enabled, sort_order)
                    VALUES (:shop, :code, :name, :fee, :sub, :enabled, :sort)""")
                    .param("name", in.name().strip()).param("enabled", in.enabled())
                    .param("sub", in.subscriptionEnabled()).param("fee", in.fee())
                    .param("sort", in.sortOrder() == null ? 0 : in.sortOrder()).param("shop", shopId)
                    .param("code", code).update();
        }
        return list().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    @GetMapping("/api/carriers/{carrierCode}/payment-methods")
    @Operation(summary = "The payment methods the carrier supports",
            description = "The payment methods the carrier takes. Rules: SUB-17.")
    public CarrierMethods carrierMethods(@PathVariable String carrierCode) {
        Carrier carrier = carrier(carrierCode);
        return new CarrierMethods(jdbc.sql("""
                SELECT p.code FROM carrier_payment_method c JOIN payment_method p ON p.id = c.payment_method_id
                WHERE c.carrier_id = :carrier ORDER BY p.sort_order, p.id""").param("carrier", carrier.id())
                .query(String.class).list());
    }

    @PutMapping("/api/carriers/{carrierCode}/payment-methods")
    @Transactional
    @Operation(summary = "Replace the payment methods the carrier supports (each must be one of the shop's)",
            description = "Replaces the payment methods the carrier takes; each must be one of the shop's. Rules: SUB-17.")
    public CarrierMethods putCarrierMethods(@PathVariable String carrierCode, @Valid @RequestBody CarrierMethods in,
                                            Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        Carrier carrier = carrier(carrierCode);
        long shopId = shops.current().id();
        List<Long> ids = new java.util.ArrayList<>();
        List<String> codes = List.copyOf(new LinkedHashSet<>(in.paymentMethods()));
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            ids.add(jdbc.sql("""
                    SELECT id FROM payment_method WHERE shop_id = :shop AND code = :code ORDER BY id
                    FETCH FIRST 1 ROWS ONLY""")
                    .param("shop", shopId).param("code", code).query(Long.class).optional()
                    .orElseThrow(() -> ApiException.invalid("paymentMethods", "the shop has no payment method " + code)));
        }
        jdbc.sql("DELETE FROM carrier_payment_method WHERE carrier_id = :carrier").param("carrier", carrier.id()).update();
        for (long id : ids) {
            jdbc.sql("INSERT INTO carrier_payment_method (carrier_id, payment_method_id) VALUES (:carrier, :pm)")
                    .param("carrier", carrier.id()).param("pm", id).update();
        }
        return carrierMethods(carrierCode);
    }

    private Carrier carrier(String code) {
        return shops.carrier(shops.current().id(), code)
                .orElseThrow(() -> ApiException.notFound("carrier " + code, "carrierCode"));
    }
}
