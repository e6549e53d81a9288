package jp.cartflow.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.Callers;
import jp.cartflow.platform.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

/**
 * Carrier master data for admins and integrations (配送方法): name, the tracking URL 伝票No.URL with its
 * {@code {trackingNo}} placeholder (MAIL-2), the tracking-number pattern, and the time slots with their labels
 * (SUB-16). Which payment methods a carrier supports is the payment room's: {@code PUT
 * /api/carriers/{code}/payment-methods}.
 */
@RestController
@RequestMapping("/api/carriers")
@Tag(name = "Carriers", description = "配送方法: 伝票No.URL・お届け時間帯 (MAIL-2, SUB-16)")
class CarrierController {

    private final JdbcClient jdbc;
    private final ShopDirectory shops;

    CarrierController(JdbcClient jdbc, ShopDirectory shops) {
        this.jdbc = jdbc;
        this.shops = shops;
    }

    public record Slot(@NotBlank @Pattern(regexp = "[0-9A-Za-z_-]{1,64}") String code,
                       @Schema(example = "14〜16時") @NotBlank @Size(max = 255) String label) {
    }

    public record CarrierInput(@NotBlank @Size(max = 255) String name,
                               @Schema(example = "https://track.example.jp/?no={trackingNo}") @Size(max = 1000)
                               String trackingUrlTemplate,
                               @Schema(example = "[0-9]{12}") @Size(max = 255) String trackingNumberPattern,
                               Boolean enabled,
                               @Min(0) @Max(9999) Integer sortOrder,
                               @NotNull @Size(max = 50) List<@Valid @NotNull Slot> timeSlots) {
    }

    public record CarrierView(String code, String name, String trackingUrlTemplate, String trackingNumberPattern,
                              boolean enabled, List<Slot> timeSlots) {
    }

    @GetMapping
    @Operation(summary = "The shop's carriers with their time slots (disabled ones included)",
            description = "The shop's carriers with tracking URLs and time slots, disabled ones included. Rules: MAIL-2.")
    public List<CarrierView> list() {
        long shopId = shops.current().id();
        return jdbc.sql("SELECT code FROM carrier WHERE shop_id = :shop ORDER BY sort_order, id").param("shop", shopId)
                .query(String.class).list().stream().map(code -> view(shopId, code)).toList();
    }

    @Operation(summary = "One carrier of the shop",
            description = "One carrier with its tracking URL and time slots. Rules: MAIL-2.")
    @GetMapping("/{code}")
    public CarrierView get(@PathVariable String code) {
        long shopId = shops.current().id();
        exists(shopId, code);
        return view(shopId, code);
    }

    @PutMapping("/{code}")
    @Transactional
    @Operation(summary = "Create or update a carrier and replace its time slots (admins and integrations)",
            description = "Creates or updates a carrier and replaces its time slots; the tracking URL must contain {trackingNo}. Rules: MAIL-2, SUB-16.")
    public CarrierView put(@PathVariable String code, @Valid @RequestBody CarrierInput in, Authentication user) {
        Callers.requireAdminOrIntegrations(user);
        if (!code.matches("[0-9A-Za-z_-]{1,64}")) {
            throw ApiException.invalid("code", "a carrier code is 1-64 letters, digits, _ -");
        }
        String url = blankToNull(in.trackingUrlTemplate());
        if (url != null && (!url.contains("{trackingNo}") || !url.matches("https?://\\S+"))) {
            throw ApiException.rule("MAIL-2", "trackingUrlTemplate", "伝票No.URL は http(s) で {trackingNo} を含みます / "
                    + "an http(s) URL containing {trackingNo}");
        }
        String pattern = blankToNull(in.trackingNumberPattern());
        if (pattern != null) {
            try {
                java.util.regex.Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw ApiException.invalid("trackingNumberPattern", "not a regular expression: " + e.getDescription());
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < in.timeSlots().size(); i++) {
            if (!codes.add(in.timeSlots().get(i).code())) {
                throw ApiException.invalid("timeSlots[" + i + "].code", "time slot codes must differ");
            }
        }
        long shopId = shops.current().id();
        int updated = jdbc.sql("""
                UPDATE carrier SET name = :name, tracking_url_template = :url, tracking_number_pattern = :pattern,
                    enabled = :enabled, sort_order = :sort WHERE shop_id = :shop AND code = :code""")
                .param("name", in.name().strip()).param("url", url).param("pattern", pattern)
                .param("enabled", !Boolean.FALSE.equals(in.enabled())).param("sort", in.sortOrder() == null ? 0 : in.sortOrder())
                .param("shop", shopId).param("code", code).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO carrier (shop_id, code, name, tracking_url_template, tracking_number_pattern, enabled,
                        sort_order) VALUES (:shop, :code, :name, :url, :pattern, :enabled, :sort)""")
                    .param("name", in.name().strip()).param("url", url).param("pattern", pattern)
                    .param("enabled", !Boolean.FALSE.equals(in.enabled()))
                    .param("sort", in.sortOrder() == null ? 0 : in.sortOrder())
                    .param("shop", shopId).param("code", code).update();
        }
        long carrierId = jdbc.sql("SELECT id FROM carrier WHERE shop_id = :shop AND code = :code")
                .param("shop", shopId).param("code", code).query(Long.class).single();
        jdbc.sql("DELETE FROM carrier_time_slot WHERE carrier_id = :id").param("id", carrierId).update();
        int sort = 1;
        for (Slot slot : in.timeSlots()) {
            jdbc.sql("INSERT INTO carrier_time_slot (carrier_id, code, label, sort_order) VALUES (:id, :code, :label, :sort)")
                    .param("id", carrierId).param("code", slot.code()).param("label", slot.label().strip())
                    .param("sort", sort++).update();
        }
        return view(shopId, code);
    }

    private void exists(long shopId, String code) {
        if (jdbc.sql("SELECT COUNT(*) FROM carrier WHERE shop_id = :shop AND code = :code").param("shop", shopId)
                .param("code", code).query(Integer.class).single() == 0) {
            throw ApiException.notFound("carrier " + code, "code");
        }
    }

    private CarrierView view(long shopId, String code) {
        return jdbc.sql("""
                SELECT id, code, name, tracking_url_template, tracking_number_pattern, enabled FROM carrier
                WHERE shop_id = :shop AND code = :code""").param("shop", shopId).param("code", code)
                .query((rs, n) -> new CarrierView(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), jdbc.sql("""
                                SELECT code, label FROM carrier_time_slot WHERE carrier_id = :id ORDER BY sort_order, id""")
                        .param("id", rs.getLong(1)).query((s, m) -> new Slot(s.getString(1), s.getString(2))).list()))
                .single();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
