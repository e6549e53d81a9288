package jp.cartflow.payment;

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
import jp.cartflow.member.Members;
import jp.cartflow.payment.gateway.Gateway;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

/**
 * My-page card on file (SUB-27): the storefront registers, changes and deletes its member's one card. Only the
 * token the gateway's own card form issued is stored, never a card number; registering and checking it costs
 * nothing at the gateway (SBPS too), so a member without a subscription may keep a card.
 */
@RestController
@RequestMapping("/api/mypage/members/{memberId}/card")
@Tag(name = "My-page card", description = "会員マイページのカード登録・変更・削除 (SUB-27)")
class MyPageCardController {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 12 to 19 digits, with or without spaces or hyphens: a card number, which we never take. */
    private static final java.util.regex.Pattern CARD_NUMBER = java.util.regex.Pattern.compile("[0-9 -]{12,30}");

    private final CardsOnFile cards;
    private final Members members;
    private final ShopDirectory shops;
    private final Clock clock;
    private final Map<Gateway, java.util.regex.Pattern> tokenFormats;

    MyPageCardController(CardsOnFile cards, Members members, ShopDirectory shops, Clock clock,
                         @Value("${cartflow.payment.sbps.card-token-pattern:tok_sbps_[A-Za-z0-9_-]{1,200}}") String sbps,
                         @Value("${cartflow.payment.zeus.card-token-pattern:tok_zeus_[A-Za-z0-9_-]{1,200}}") String zeus) {
        this.cards = cards;
        this.members = members;
        this.shops = shops;
        this.clock = clock;
        this.tokenFormats = Map.of(Gateway.SBPS, java.util.regex.Pattern.compile(sbps),
                Gateway.ZEUS, java.util.regex.Pattern.compile(zeus));
    }

    public record CardInput(@Schema(description = "SBPS or ZEUS: the gateway whose card form issued the token")
                            @NotNull Gateway gateway,
                            @Schema(description = "the gateway's token for the card (never the card number)",
                                    example = "tok_sbps_4f9a2c") @NotBlank @Size(max = 255) String token,
                            @Schema(description = "what the member sees, e.g. ************4242")
                            @Pattern(regexp = "\\*{0,15}[0-9]{4}") String maskedNumber,
                            @Size(max = 32) String brand,
                            @NotNull @Min(2000) @Max(2100) Integer expiryYear,
                            @NotNull @Min(1) @Max(12) Integer expiryMonth) {
    }

    public record CardView(String gateway, String gatewayName, String maskedNumber, int expiryYear, int expiryMonth,
                           LocalDate expiresOn) {
        static CardView of(CardsOnFile.Card c) {
            return new CardView(c.gateway().name(), c.gateway().displayName(), c.maskedNumber(), c.expiryYear(),
                    c.expiryMonth(), c.expiresOn());
        }
    }

    @GetMapping
    @Operation(summary = "The member's card (masked): 404 when none is registered",
            description = "マイページ: the member's card, masked; 404 when none is registered. Rules: SUB-27.")
    public CardView get(@PathVariable long memberId) {
        member(memberId);
        return cards.card(memberId).map(CardView::of)
                .orElseThrow(() -> ApiException.notFound("card of member " + memberId, "memberId"));
    }

    @PutMapping
    @Operation(summary = "Register the member's card, or replace it (one card per member; SUB-27)",
            description = "マイページ: registers or replaces the member's one card with the gateway's token. Rules: SUB-27.")
    public CardView put(@PathVariable long memberId, @Valid @RequestBody CardInput in) {
        member(memberId);
        if (in.gateway() == Gateway.NP) {
            throw ApiException.invalid("gateway", "NP後払い has no card: SBPS or ZEUS");
        }
        String token = in.token().strip();
        if (CARD_NUMBER.matcher(token).matches()) {
            throw ApiException.rule("SUB-27", "token", "カード番号は受け付けません。決済代行のトークンを送ってください / "
                    + "a card number is never stored: send the gateway's token");
        }
        if (!tokenFormats.get(in.gateway()).matcher(token).matches()) {
            throw ApiException.rule("SUB-27", "token", "このトークンは" + in.gateway().displayName()
                    + "のものではありません / the token was not issued by " + in.gateway());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), TOKYO);
        if (YearMonth.of(in.expiryYear(), in.expiryMonth()).atEndOfMonth().isBefore(today)) {
            throw ApiException.invalid("expiryMonth", "the card has expired");
        }
        return CardView.of(cards.register(memberId, new CardsOnFile.NewCard(in.gateway(), token, in.maskedNumber(),
                in.brand(), in.expiryYear(), in.expiryMonth()), clock.instant()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the member's card: 409 rule SUB-27 while an active subscription pays by card",
            description = "マイページ: deletes the card; a 409 while an active subscription pays by card. Rules: SUB-27.")
    public void delete(@PathVariable long memberId) {
        member(memberId);
        if (!cards.hasCard(memberId)) {
            throw ApiException.notFound("card of member " + memberId, "memberId");
        }
        cards.delete(memberId);
    }

    private void member(long memberId) {
        members.member(shops.current().id(), memberId)
                .orElseThrow(() -> ApiException.notFound("member " + memberId, "memberId"));
    }
}
