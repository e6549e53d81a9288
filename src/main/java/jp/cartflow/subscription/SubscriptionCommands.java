package jp.cartflow.subscription;

import jp.cartflow.member.Recipient;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.payment.PaymentMethodCode;

import java.time.LocalDate;
import java.util.List;

/** The requests the subscription API accepts (bound and validated by the controllers). */
final class SubscriptionCommands {

    private SubscriptionCommands() {
    }

    @Schema(description = "配送サイクル: MONTHLY with day 1-31 (0 = 末日) or INTERVAL with intervalDays")
    public record CycleInput(@NotNull DeliveryCycle.Kind kind, @Min(0) @Max(31) Integer day,
                             @Positive @Max(365) Integer intervalDays) {
    }

    public record ItemInput(@NotBlank @Size(max = 64) String productCode, @NotNull @Positive @Max(999) Integer quantity,
                            @Schema(description = "配送回数 (null = unlimited)") @Positive @Max(999) Integer maxDeliveries) {
    }

    public record FeesInput(@NotNull @PositiveOrZero Long shipping, @NotNull @PositiveOrZero Long payment,
                            @NotNull @PositiveOrZero Long cool) {
    }

    @Schema(description = "SUB-1: a guest registering during the subscription checkout")
    public record NewMember(@NotBlank @Size(max = 255) String loginId, @NotBlank @Email @Size(max = 255) String email) {
    }

    @Schema(description = "A completed subscription checkout (SUB-1/2/17)")
    public record Checkout(@Schema(description = "an existing member; or newMember") @Positive Long memberId,
                           @Valid NewMember newMember,
                           @NotEmpty @Size(max = 50) List<@Valid @NotNull ItemInput> items,
                           @NotNull @Valid CycleInput cycle,
                           @NotNull LocalDate firstDeliveryDate,
                           @NotBlank String carrierCode,
                           @Size(max = 64) String timeSlotCode,
                           @NotNull PaymentMethodCode paymentMethod,
                           @Schema(description = "default: the member's address") @Valid Recipient recipient,
                           @Size(max = 4000) String memo,
                           @NotNull @Valid FeesInput fees,
                           @PositiveOrZero Long pointsUsed) {
    }

    @Schema(description = "Change of cycle, carrier and/or time slot from the next generation on (SUB-16)")
    public record DeliveryChange(@Valid CycleInput cycle, @Size(max = 64) String carrierCode,
                                 @Size(max = 64) String timeSlotCode) {
    }

    @Schema(description = "My-page: cycle and/or time slot (SUB-26; the carrier cannot be changed there)")
    public record MyPageDeliveryChange(@Valid CycleInput cycle, @Size(max = 64) String timeSlotCode) {
    }

    public record PaymentChange(@NotNull PaymentMethodCode paymentMethod) {
    }

    public enum AddressKind { MEMBER_ADDRESS, OTHER_ADDRESS, ADDRESS_BOOK }

    @Schema(description = "SUB-26: the member's address, another address (recipient), or an address-book entry")
    public record AddressChange(@NotNull AddressKind kind, @Valid Recipient recipient, @Positive Long addressBookId) {
    }

    public record ItemAdd(@NotBlank @Size(max = 64) String productCode, @NotNull @Positive @Max(999) Integer quantity,
                          @Schema(description = "default: the product's repeat price (SUB-18)") @PositiveOrZero Long repeatPrice,
                          @Positive @Max(999) Integer maxDeliveries) {
    }

    public record ItemChange(@PositiveOrZero Long repeatPrice, @Positive @Max(999) Integer quantity) {
    }

    public record MemoChange(@Size(max = 4000) String memo) {
    }

    public record Termination(@Size(max = 255) String reason) {
    }
}
