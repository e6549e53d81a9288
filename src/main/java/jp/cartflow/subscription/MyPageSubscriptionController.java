package jp.cartflow.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jp.cartflow.subscription.SubscriptionCommands.AddressChange;
import jp.cartflow.subscription.SubscriptionCommands.MyPageDeliveryChange;
import jp.cartflow.subscription.SubscriptionCommands.PaymentChange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * My-page (SUB-26): the storefront acts for its logged-in member. Carrier, skip, termination and items have no
 * endpoint here on purpose. Every change mails the shop (SUB-28).
 */
@RestController
@RequestMapping("/api/mypage/members/{memberId}/subscriptions")
@Tag(name = "My-page subscriptions", description = "会員マイページの定期購入 (SUB-26, SUB-28)")
class MyPageSubscriptionController {

    private final MyPageSubscriptionService mypage;

    public MyPageSubscriptionController(MyPageSubscriptionService mypage) {
        this.mypage = mypage;
    }

    @GetMapping
    @Operation(summary = "The member's own subscriptions (cancelled=true: ended and cancelled ones)",
            description = "マイページ: the member's own subscriptions; cancelled=true lists the ended and cancelled ones. Rules: SUB-25.")
    public List<SubscriptionView> list(@PathVariable long memberId,
                                       @RequestParam(defaultValue = "false") boolean cancelled) {
        return mypage.list(memberId, cancelled);
    }

    @GetMapping("/{subscriptionNo}")
    @Operation(summary = "One of the member's own subscriptions",
            description = "マイページ: one of the member's own subscriptions, with items and the next deliveries. Another member's subscription is a 404. Rules: SUB-15.")
    public SubscriptionView get(@PathVariable long memberId, @PathVariable String subscriptionNo) {
        return mypage.get(memberId, subscriptionNo);
    }

    @PutMapping("/{subscriptionNo}/delivery")
    @Operation(summary = "Change cycle (shop-enabled kinds and N range only) and/or time slot",
            description = "マイページ: the member changes the cycle (only the kinds and N range the shop enabled) and/or the time slot, if the shop allows it; the shop is notified by mail. Rules: SUB-21, SUB-26.")
    public SubscriptionView changeDelivery(@PathVariable long memberId, @PathVariable String subscriptionNo,
                                           @Valid @RequestBody MyPageDeliveryChange change) {
        return mypage.changeDelivery(memberId, subscriptionNo, change);
    }

    @PutMapping("/{subscriptionNo}/payment-method")
    @Operation(summary = "Change the payment method (SUB-17, SUB-27)",
            description = "マイページ: a method enabled for subscriptions and supported by the carrier; a card method needs a card on file of that method's gateway. Rules: SUB-17, SUB-21, SUB-26, SUB-27.")
    public SubscriptionView changePayment(@PathVariable long memberId, @PathVariable String subscriptionNo,
                                          @Valid @RequestBody PaymentChange change) {
        return mypage.changePayment(memberId, subscriptionNo, change.paymentMethod());
    }

    @PutMapping("/{subscriptionNo}/address")
    @Operation(summary = "Deliver to the member's address, another address or an address-book entry",
            description = "マイページ: deliver to the member's address, another address or an address-book entry. Rules: SUB-21, SUB-26, SUB-32.")
    public SubscriptionView changeAddress(@PathVariable long memberId, @PathVariable String subscriptionNo,
                                          @Valid @RequestBody AddressChange change) {
        return mypage.changeAddress(memberId, subscriptionNo, change);
    }
}
