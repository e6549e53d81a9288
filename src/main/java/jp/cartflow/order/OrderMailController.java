package jp.cartflow.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/orders/{orderNo}")
@Tag(name = "Order mails", description = "Order confirmation to the customer, forwarded to inventory tools (MAIL-4)")
class OrderMailController {

    private final OrderConfirmationMails confirmations;

    public OrderMailController(OrderConfirmationMails confirmations) {
        this.confirmations = confirmations;
    }

    /** {@code confirmBounced}: send even though the address is flagged as bounced (BNC-2); recorded with the user. */
    public record ConfirmationRequest(Boolean includeSubscriptionNo, Boolean confirmBounced) {
    }

    public record ConfirmationResponse(long customerMailId, List<Long> forwardedMailIds) {
    }

    @PostMapping("/confirmation-mails")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue the order-confirmation mail (and its copies for enabled inventory tools)",
            description = "Queues ご注文確認 to the customer and an identical copy to each inventory tool whose forwarding is on, in one transaction; the outbox sends them. Rules: MAIL-4, SUB-30.")
    public ConfirmationResponse confirm(@PathVariable String orderNo,
                                        @RequestBody(required = false) ConfirmationRequest request,
                                        Authentication user) {
        boolean include = request != null && Boolean.TRUE.equals(request.includeSubscriptionNo());
        boolean confirmBounced = request != null && Boolean.TRUE.equals(request.confirmBounced());
        OrderConfirmationMails.Queued queued = confirmations.queue(orderNo, include, user.getName(), confirmBounced);
        return new ConfirmationResponse(queued.customerMailId(), queued.forwardedMailIds());
    }
}
