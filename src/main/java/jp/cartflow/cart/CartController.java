package jp.cartflow.cart;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/carts/{cartId}")
@Tag(name = "Carts", description = "Cart abandonment reminders (MKT-1 exception)")
class CartController {

    private static final java.util.regex.Pattern CART_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final CartAbandonments carts;
    private final ShopDirectory shops;

    CartController(CartAbandonments carts, ShopDirectory shops) {
        this.carts = carts;
        this.shops = shops;
    }

    record ItemRequest(@NotBlank @Size(max = 255) String name, @Min(1) @Max(9999) int quantity) {
    }

    record AbandonedRequest(Long memberId, @NotEmpty @Size(max = 100) List<@Valid ItemRequest> items,
                            @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                            String cartUrl) {
    }

    record AbandonmentResponse(String cartId, long memberId, Instant remindAt, Instant convertedAt, Instant remindedAt) {
        static AbandonmentResponse of(CartAbandonments.Abandonment a) {
            return new AbandonmentResponse(a.cartId(), a.memberId(), a.remindAt(), a.convertedAt(), a.remindedAt());
        }
    }

    @PostMapping("/abandoned")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report an abandoned cart of a registered member; one reminder after the shop's delay",
            description = "The storefront reports a registered member's abandoned cart; one reminder is sent after the shop's delay, even without marketing consent (MKT-1's one exception). Rules: MKT-1, MKT-2.")
    AbandonmentResponse abandoned(@PathVariable String cartId, @Valid @RequestBody AbandonedRequest r) {
        requireCartId(cartId);
        return AbandonmentResponse.of(carts.report(shops.current().id(), cartId, r.memberId(),
                r.items().stream().map(i -> new CartAbandonments.Item(i.name(), i.quantity())).toList(), r.cartUrl()));
    }

    @PostMapping("/converted")
    @Operation(summary = "The cart became an order: no reminder",
            description = "The cart became an order: the pending reminder is cancelled. Rules: MKT-1.")
    AbandonmentResponse converted(@PathVariable String cartId) {
        requireCartId(cartId);
        return AbandonmentResponse.of(carts.converted(shops.current().id(), cartId));
    }

    private static void requireCartId(String cartId) {
        if (!CART_ID.matcher(cartId).matches()) {
            throw ApiException.invalid("cartId", "cart id: 1-64 letters, digits, '-' or '_'");
        }
    }
}
