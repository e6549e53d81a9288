package jp.cartflow.subscription;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.MultiLine;
import jp.cartflow.subscription.SubscriptionCommands.AddressChange;
import jp.cartflow.subscription.SubscriptionCommands.Checkout;
import jp.cartflow.subscription.SubscriptionCommands.DeliveryChange;
import jp.cartflow.subscription.SubscriptionCommands.FeesInput;
import jp.cartflow.subscription.SubscriptionCommands.ItemAdd;
import jp.cartflow.subscription.SubscriptionCommands.ItemChange;
import jp.cartflow.subscription.SubscriptionCommands.MemoChange;
import jp.cartflow.subscription.SubscriptionCommands.PaymentChange;
import jp.cartflow.subscription.SubscriptionCommands.Termination;
import jp.cartflow.subscription.domain.Schedule;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/subscriptions")
@Validated
@Tag(name = "Subscriptions", description = "定期購入: checkout, search, changes, skip, termination, schedule preview")
class SubscriptionController {

    private final SubscriptionCheckout checkouts;
    private final SubscriptionChanges changes;
    private final SubscriptionQueries queries;
    private final CardExpiryReminders reminders;

    SubscriptionController(SubscriptionCheckout checkout, SubscriptionChanges changes, SubscriptionQueries queries,
                           CardExpiryReminders reminders) {
        this.checkouts = checkout;
        this.changes = changes;
        this.queries = queries;
        this.reminders = reminders;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a subscription from a completed checkout: first order + subscription + process (SUB-1/2/17)",
            description = "A completed subscription checkout: creates the member for a guest, the first order (delivery 1, first-delivery prices, perks and points) and the subscription, and starts its lifecycle — all or nothing. Rules: SUB-1, SUB-2, SUB-3, SUB-8, SUB-11, SUB-12, SUB-13, SUB-17, SUB-27, SUB-31.")
    public SubscriptionCheckout.Created create(@Valid @RequestBody Checkout checkout, Authentication user) {
        return checkouts.create(checkout, user.getName());
    }

    @GetMapping
    @Operation(summary = "Search: active by default; cancelled=true lists ended and cancelled ones (SUB-25)",
            description = "定期購入一覧: active subscriptions by default, filtered by member or number; cancelled=true lists ended and cancelled ones. Rules: SUB-15, SUB-25.")
    public List<SubscriptionView> search(@RequestParam(required = false) Long memberId,
                                         @RequestParam(defaultValue = "false") boolean cancelled,
                                         @RequestParam(required = false) @Size(max = 64) String subscriptionNo,
                                         @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return queries.search(memberId, cancelled, subscriptionNo, limit);
    }

    @GetMapping("/{subscriptionNo}")
    @Operation(summary = "One subscription with its items and schedule (SUB-15 fields)",
            description = "One subscription with its items, schedule and status. Rules: SUB-15.")
    public SubscriptionView get(@PathVariable String subscriptionNo) {
        return queries.view(subscriptionNo);
    }

    @GetMapping("/{subscriptionNo}/schedule")
    @Operation(summary = "Preview the next deliveries with the reason of each date",
            description = "The next delivery dates with the reason for each (cycle, lead time, skip). Rules: SUB-4, SUB-14, SUB-20.")
    public List<Schedule.Preview> schedule(@PathVariable String subscriptionNo,
                                           @RequestParam(defaultValue = "6") @Min(1) @Max(36) int count) {
        return queries.preview(subscriptionNo, count);
    }

    @PutMapping("/{subscriptionNo}/delivery")
    @Operation(summary = "Change cycle (any day or N, SUB-16), carrier and/or time slot from the next generation",
            description = "The shop changes cycle (any monthly day or N), carrier and/or time slot from the next generation; not on the generation day. Rules: SUB-16, SUB-21.")
    public SubscriptionView changeDelivery(@PathVariable String subscriptionNo, @Valid @RequestBody DeliveryChange change,
                                           Authentication user) {
        return changes.changeDelivery(subscriptionNo, change.cycle(), change.carrierCode(), change.timeSlotCode(),
                false, user.getName());
    }

    @PutMapping("/{subscriptionNo}/payment-method")
    @Operation(summary = "Change the payment method (SUB-17, SUB-27)",
            description = "A method enabled for subscriptions and supported by the subscription's carrier; a card method needs a card on file of that method's gateway. Rules: SUB-10, SUB-17, SUB-21, SUB-27.")
    public SubscriptionView changePayment(@PathVariable String subscriptionNo, @Valid @RequestBody PaymentChange change,
                                          Authentication user) {
        return changes.changePayment(subscriptionNo, change.paymentMethod(), user.getName());
    }

    @PutMapping("/{subscriptionNo}/address")
    @Operation(summary = "Change the delivery address (SUB-32)",
            description = "The member's address, another address or an address-book entry. Rules: SUB-21, SUB-32.")
    public SubscriptionView changeAddress(@PathVariable String subscriptionNo, @Valid @RequestBody AddressChange change,
                                          Authentication user) {
        return changes.changeAddress(subscriptionNo, change, user.getName());
    }

    @PutMapping("/{subscriptionNo}/memo")
    @Operation(summary = "Change the memo copied to every generated order (SUB-22)",
            description = "The memo (備考) copied to every generated order. Rules: SUB-21, SUB-22.")
    public SubscriptionView changeMemo(@PathVariable String subscriptionNo, @Valid @RequestBody MemoChange change,
                                       Authentication user) {
        return changes.changeMemo(subscriptionNo, change.memo(), user.getName());
    }

    @PutMapping("/{subscriptionNo}/fees")
    @Operation(summary = "Edit the fees copied to every generated order (SUB-10)",
            description = "Shipping, payment and cool fees copied to every generated order (perks still apply). Rules: SUB-10, SUB-11, SUB-21.")
    public SubscriptionView changeFees(@PathVariable String subscriptionNo, @Valid @RequestBody FeesInput fees,
                                       Authentication user) {
        return changes.changeFees(subscriptionNo, fees, user.getName());
    }

    @PostMapping("/{subscriptionNo}/items")
    @Operation(summary = "Add an item at the repeat price (SUB-18)",
            description = "Adds a subscription product at its repeat price (or the given one); its first generated order is its delivery 1. Rules: SUB-8, SUB-18, SUB-19, SUB-21.")
    public SubscriptionView addItem(@PathVariable String subscriptionNo, @Valid @RequestBody ItemAdd add,
                                    Authentication user) {
        return changes.addItem(subscriptionNo, add, user.getName());
    }

    @PatchMapping("/{subscriptionNo}/items/{itemId}")
    @Operation(summary = "Change an item's repeat price and/or quantity (SUB-18)",
            description = "Repeat price and/or quantity of an item; never written back to the catalogue. Rules: SUB-9, SUB-18, SUB-21.")
    public SubscriptionView changeItem(@PathVariable String subscriptionNo, @PathVariable long itemId,
                                       @Valid @RequestBody ItemChange change, Authentication user) {
        return changes.changeItem(subscriptionNo, itemId, change, user.getName());
    }

    @DeleteMapping("/{subscriptionNo}/items/{itemId}")
    @Operation(summary = "Remove an item (not the last one)",
            description = "Removes an item; the last item cannot be removed (terminate instead). Rules: SUB-18, SUB-21, SUB-24.")
    public SubscriptionView removeItem(@PathVariable String subscriptionNo, @PathVariable long itemId,
                                       Authentication user) {
        return changes.removeItem(subscriptionNo, itemId, user.getName());
    }

    @PostMapping("/{subscriptionNo}/skip")
    @Operation(summary = "Skip the next delivery (SUB-20)",
            description = "スキップ: the next delivery is not generated; possible until its generation time. Rules: SUB-20, SUB-24.")
    public SubscriptionView skip(@PathVariable String subscriptionNo, Authentication user) {
        return changes.skip(subscriptionNo, true, user.getName());
    }

    @DeleteMapping("/{subscriptionNo}/skip")
    @Operation(summary = "Undo the skip until the generation time (SUB-20)",
            description = "Undoes the skip until the generation time. Rules: SUB-20, SUB-24.")
    public SubscriptionView unskip(@PathVariable String subscriptionNo, Authentication user) {
        return changes.skip(subscriptionNo, false, user.getName());
    }

    @PostMapping("/{subscriptionNo}/termination")
    @Operation(summary = "Terminate an active subscription; it can never be restarted (SUB-24)",
            description = "解約: ends an active subscription with an optional reason; it can never be restarted. Rules: SUB-24.")
    public SubscriptionView terminate(@PathVariable String subscriptionNo,
                                      @Valid @RequestBody(required = false) Termination termination,
                                      Authentication user) {
        return changes.terminate(subscriptionNo, termination == null ? null : termination.reason(),
                user.getName());
    }

    // ---- card expiry reminders (SUB-29) -----------------------------------------------------------

    @GetMapping("/card-expiry/targets")
    @Operation(summary = "Subscriptions paying by a card that expires within the shop's window or has expired (SUB-29)",
            description = "Subscriptions whose card on file expires within the shop's window, or has expired. Rules: SUB-29.")
    public List<CardExpiryReminders.Target> cardExpiryTargets() {
        return reminders.targets();
    }

    public record BulkReminder(@NotEmpty @Size(max = 1000) List<@NotBlank String> subscriptionNos) {
    }

    public record ReminderCount(int mailsQueued) {
    }

    @PostMapping("/card-expiry/reminders")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Bulk manual send of the standard reminder over selected subscriptions (SUB-29)",
            description = "Sends the standard card-expiry reminder (カード有効期限のお知らせ) for the selected subscriptions. Rules: SUB-29, BNC-2.")
    public ReminderCount sendBulk(@Valid @RequestBody BulkReminder request) {
        return new ReminderCount(reminders.sendBulk(request.subscriptionNos()));
    }

    public record EditedReminder(@NotBlank @Size(max = 1000) String subject, @NotBlank @Size(max = 20000) @MultiLine String body) {
    }

    @PostMapping("/{subscriptionNo}/card-expiry-reminder")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send one reminder with edited text; bracket tags like [MEMBER_NAME] are replaced (SUB-29)",
            description = "Sends one card-expiry reminder with edited subject and body; bracket tags like [MEMBER_NAME] are replaced. Rules: SUB-29, MAIL-1.")
    public ReminderCount sendEdited(@PathVariable String subscriptionNo, @Valid @RequestBody EditedReminder request) {
        reminders.sendEdited(subscriptionNo, request.subject(), request.body());
        return new ReminderCount(1);
    }
}
