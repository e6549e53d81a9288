package jp.cartflow.payment.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jp.cartflow.platform.web.Callers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Gateway status reconciliation (PAY-2): start a run, list the open mismatches. */
@RestController
@Validated
@RequestMapping("/api/payment")
@Tag(name = "Payment reconciliation", description = "Compare gateway statuses with ours (PAY-2)")
class ReconciliationController {

    private final ReconciliationService reconciliation;

    ReconciliationController(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    public record RunStarted(String processInstanceId) {
    }

    public record Release(@Schema(description = "how support settled the case (audit)",
            example = "サポート回答 #2026-1201: ゼウス側を与信済みに戻した") @NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/reconciliation-runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a reconciliation run now (besides the shop's schedule)",
            description = "Starts a payment-status reconciliation now: each open card order's state at its gateway is compared with ours; a difference blocks the order's card operations and waits for an operator. Rules: PAY-2.")
    public RunStarted start() {
        return new RunStarted(reconciliation.startRun());
    }

    @GetMapping("/mismatches")
    @Operation(summary = "Mismatches whose order is still blocked for card operations",
            description = "The mismatches found by reconciliation whose order is still blocked (undecided or reported to support). Rules: PAY-2.")
    public List<Mismatch> open() {
        return reconciliation.open();
    }

    @PostMapping("/mismatches/{mismatchId}/release")
    @ApiResponse(responseCode = "200", description = "released: the order takes the gateway's settled state and is "
            + "unblocked", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "502")
    @Operation(summary = "Release an order reported to support once support has settled the case",
            description = "For a mismatch reported to support (サポートに報告): the gateway is asked again, the order takes "
                    + "its state (no transaction there: UNPAID, so it can be authorized again) and amount, and card "
                    + "operations are unblocked. Who, when and the reason are recorded. Operators and admins only; 409 "
                    + "unless the mismatch is reported and not released yet. Rules: PAY-2.")
    public ReconciliationService.Released release(
            @Parameter(description = "the mismatch's id (GET /api/payment/mismatches)", example = "12")
            @PathVariable @Positive long mismatchId, @Valid @RequestBody Release request, Authentication user) {
        Callers.requireStaff(user);
        return reconciliation.release(mismatchId, request.reason().strip(), user.getName());
    }
}
