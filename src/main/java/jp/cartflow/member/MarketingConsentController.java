package jp.cartflow.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.ApiException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/members/{memberId}/marketing-consent")
@Tag(name = "Marketing consent", description = "A member's newsletter consent and its history (MKT-1, MKT-2)")
class MarketingConsentController {

    /** IMPORT and UNSUBSCRIBE_LINK are recorded by the system itself, never claimed by a caller. */
    private static final Set<MarketingConsentChannel> CALLER_CHANNELS =
            Set.of(MarketingConsentChannel.CHECKOUT, MarketingConsentChannel.MY_PAGE, MarketingConsentChannel.OPERATOR);

    private final MarketingConsentService consents;
    private final ShopDirectory shops;

    MarketingConsentController(MarketingConsentService consents, ShopDirectory shops) {
        this.consents = consents;
        this.shops = shops;
    }

    record ConsentResponse(long memberId, boolean consented, List<MarketingConsentService.MarketingConsentEvent> history) {
    }

    record ConsentRequest(@NotNull Boolean consented, @NotNull MarketingConsentChannel channel,
                          @Size(max = 1000) String note) {
    }

    @GetMapping
    @Operation(summary = "Read a member's marketing consent and its history",
            description = "The member's marketing consent and its history with channels. Rules: MKT-1.")
    ConsentResponse get(@PathVariable long memberId) {
        return response(contact(memberId));
    }

    @PutMapping
    @Operation(summary = "Give or withdraw consent through CHECKOUT, MY_PAGE or OPERATOR; recorded with its channel",
            description = "Gives or withdraws marketing consent through CHECKOUT, MY_PAGE or OPERATOR; each change is recorded with its channel. Rules: MKT-1, MKT-2.")
    ConsentResponse put(@PathVariable long memberId, @Valid @RequestBody ConsentRequest request, Authentication user) {
        MarketingConsentService.MarketingContact contact = contact(memberId);
        if (!CALLER_CHANNELS.contains(request.channel())) {
            throw ApiException.rule("MKT-2", "channel",
                    "チャネル " + request.channel() + " はシステムだけが記録します (CHECKOUT, MY_PAGE, OPERATOR のいずれか)");
        }
        consents.change(contact.shopId(), memberId, request.consented(), request.channel(), user.getName(), request.note());
        return response(contact(memberId));
    }

    private MarketingConsentService.MarketingContact contact(long memberId) {
        return consents.contact(shops.current().id(), memberId)
                .orElseThrow(() -> ApiException.notFound("member " + memberId, "memberId"));
    }

    private ConsentResponse response(MarketingConsentService.MarketingContact contact) {
        return new ConsentResponse(contact.memberId(), contact.consented(), consents.history(contact.memberId()));
    }
}
