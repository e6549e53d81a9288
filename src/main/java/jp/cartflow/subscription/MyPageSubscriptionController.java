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
    @Operation(summary = "The member's own subscriptions (cancelled=true: ended and cancelled ones)")
    public List<SubscriptionView> list(@PathVariable long memberId,
                                       @RequestParam(defaultValue = "false") boolean cancelled) {
        return mypage.list(memberId, cancelled);
    }

    @GetMapping("/{subscriptionNo}")
    public SubscriptionView get(@PathVariable long memberId, @PathVariable String subscriptionNo) {
        return mypage.get(memberId, subscriptionNo);
    }

    @PutMapping("/{subscriptionNo}/delivery")
    @Operation(summary = "Change cycle (shop-enabled kinds and N range only) and/or time slot")
    public SubscriptionView changeDelivery(@PathVariable long memberId, @PathVariable String subscriptionNo,
                                           @Valid @RequestBody MyPageDeliveryChange change) {
        return mypage.changeDelivery(memberId, subscriptionNo, change);
    }

    @PutMapping("/{subscriptionNo}/payment-method")
    @Operation(summary = "Change the payment method (SUB-17, SUB-27)")
    public SubscriptionView changePayment(@PathVariable long memberId, @PathVariable String subscriptionNo,
                                          @Valid @RequestBody PaymentChange change) {
        return mypage.changePayment(memberId, subscriptionNo, change.paymentMethod());
    }

    @PutMapping("/{subscriptionNo}/address")
    @Operation(summary = "Deliver to the member's address, another address or an address-book entry")
    public SubscriptionView changeAddress(@PathVariable long memberId, @PathVariable String subscriptionNo,
                                          @Valid @RequestBody AddressChange change) {
        return mypage.changeAddress(memberId, subscriptionNo, change);
    }
}
