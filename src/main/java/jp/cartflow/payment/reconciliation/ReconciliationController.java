package jp.cartflow.payment.reconciliation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Gateway status reconciliation (PAY-2): start a run, list the open mismatches. */
@RestController
@RequestMapping("/api/payment")
@Tag(name = "Payment reconciliation", description = "Compare gateway statuses with ours (PAY-2)")
class ReconciliationController {

    private final ReconciliationService reconciliation;

    ReconciliationController(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    public record RunStarted(String processInstanceId) {
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
}
