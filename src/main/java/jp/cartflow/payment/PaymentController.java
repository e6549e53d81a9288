package jp.cartflow.payment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An order's payment: authorization (process), capture, cancel, amount change (PAY-1/2/3). */
@RestController
@Validated
@RequestMapping("/api/orders/{orderNo}/payment")
@Tag(name = "Payment", description = "Authorize, capture, cancel and change the amount of an order's payment")
class PaymentController {

    /** Order numbers as the shop issues them. */
    static final String ORDER_NO = "[0-9A-Za-z_-]{1,64}";

    private final CreditAuthorizationService authorizations;
    private final PaymentOperations operations;

    PaymentController(CreditAuthorizationService authorizations, PaymentOperations operations) {
        this.authorizations = authorizations;
        this.operations = operations;
    }

    public record AuthorizationStarted(String orderNo, String processInstanceId) {
    }

    public record AmountChange(@Schema(example = "4980") @NotNull @Positive @Max(100_000_000L) Long amount) {
    }

    public record ScreeningResult(@Schema(description = "true: 審査OK, false: 審査NG") @NotNull Boolean approved,
                                  @Size(max = 500) String reason) {
    }

    @PostMapping("/authorizations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start CreditAuthorizationProcess for the order (与信); the result is recorded on the order",
            description = "Starts 与信 for the order at its method's gateway (ZEUS/SBPS card, NP後払い screening); the outcome is written on the order (与信済み, 与信NG, 審査中). Rules: PAY-1, PAY-3, SUB-5.")
    public AuthorizationStarted authorize(@PathVariable @Pattern(regexp = ORDER_NO) String orderNo, Authentication user) {
        return new AuthorizationStarted(orderNo, authorizations.start(orderNo, user.getName()));
    }

    @PostMapping("/capture")
    @ApiResponse(responseCode = "200", description = "the gateway accepted the operation", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "502")
    @Operation(summary = "実売上: capture the authorized amount through the gateway",
            description = "Captures the authorized amount (実売上) at the gateway, idempotently; refused while a reconciliation mismatch blocks the order. A gateway failure is a 502 and changes nothing. Rules: PAY-1, PAY-2.")
    public PaymentOperations.OperationResult capture(@PathVariable @Pattern(regexp = ORDER_NO) String orderNo,
                                                     Authentication user) {
        return operations.capture(orderNo, user.getName());
    }

    @PostMapping("/cancel")
    @ApiResponse(responseCode = "200", description = "the gateway accepted the operation", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "502")
    @Operation(summary = "取消: cancel the authorization or the sale through the gateway",
            description = "Cancels the authorization or the sale (取消) at the gateway; refused while a reconciliation mismatch blocks the order. Rules: PAY-1, PAY-2.")
    public PaymentOperations.OperationResult cancel(@PathVariable @Pattern(regexp = ORDER_NO) String orderNo,
                                                    Authentication user) {
        return operations.cancel(orderNo, user.getName());
    }

    @PostMapping("/amount-changes")
    @ApiResponse(responseCode = "200", description = "the gateway accepted the operation", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "502")
    @Operation(summary = "金額変更: change the authorized or captured amount through the gateway",
            description = "Changes the authorized or captured amount (金額変更) at the gateway; refused while a mismatch blocks the order. Rules: PAY-1, PAY-2.")
    public PaymentOperations.OperationResult changeAmount(@PathVariable @Pattern(regexp = ORDER_NO) String orderNo,
                                                          @Valid @RequestBody AmountChange request, Authentication user) {
        return operations.changeAmount(orderNo, request.amount(), user.getName());
    }

    @PostMapping("/np-screening-results")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "NP後払い: the screening result arrived (PAY-3); the waiting authorization continues",
            description = "NP後払い's screening result for an order whose authorization waits (審査中): OK continues to 与信済み, NG to 与信NG. Rules: PAY-3.")
    public void screeningResult(@PathVariable @Pattern(regexp = ORDER_NO) String orderNo,
                                @Valid @RequestBody ScreeningResult request) {
        authorizations.deliverScreeningResult(orderNo, request.approved(), request.reason());
    }
}
