package jp.cartflow.shipping;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/orders/{orderNo}")
@Tag(name = "Shipments", description = "Register shipments; the customer gets the shipping-complete mail")
class ShipmentController {

    private final ShipmentService shipments;

    public ShipmentController(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Schema(description = "A parcel group that left the warehouse")
    public record ShipmentRequest(
            @Schema(example = "yamato") @NotBlank String carrierCode,
            @Schema(example = "[\"123456789012\"]") @NotEmpty @Size(max = 20) List<String> trackingNumbers,
            @Schema(example = "2026-11-22") @NotNull LocalDate shippedDate,
            @Schema(description = "which shipment of the order; default: the first without tracking numbers")
            @Positive Integer shipmentNo,
            @Schema(description = "SUB-30: show the subscription number in the mail") Boolean includeSubscriptionNo) {
    }

    public record ShippingRequest(@Positive Integer shipmentNo, Boolean includeSubscriptionNo) {
    }

    public record ShipmentResponse(String orderNo, int shipmentNo, String processInstanceId) {
    }

    @PostMapping("/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a shipment (carrier, tracking numbers, shipped date) and notify the customer",
            description = "Records carrier, tracking numbers (伝票番号, checked against the carrier's format) and shipped date, and starts the shipping notification: bounce check, then 発送完了 mail through the outbox. Rules: BNC-2, SUB-30.")
    public ShipmentResponse register(@PathVariable String orderNo, @Valid @RequestBody ShipmentRequest request,
                                     Authentication user) {
        ShipmentService.Registered registered = shipments.register(orderNo, new ShipmentService.Registration(
                request.carrierCode(), request.trackingNumbers(), request.shippedDate(), request.shipmentNo(),
                Boolean.TRUE.equals(request.includeSubscriptionNo())), user.getName());
        return new ShipmentResponse(registered.orderNo(), registered.shipmentNo(), registered.processInstanceId());
    }

    @PostMapping("/shipping-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask an operator (Tasklist: 伝票番号を登録する) for the tracking number, then notify",
            description = "The warehouse has no tracking number: an operator enters it in Tasklist (伝票番号を登録する), then the notification continues. Rules: BNC-2, SUB-30.")
    public ShipmentResponse requestTrackingNumber(@PathVariable String orderNo,
                                                  @Valid @RequestBody(required = false) ShippingRequest request,
                                                  Authentication user) {
        ShippingRequest body = request == null ? new ShippingRequest(null, null) : request;
        ShipmentService.Registered registered = shipments.requestTrackingNumber(orderNo, body.shipmentNo(),
                Boolean.TRUE.equals(body.includeSubscriptionNo()), user.getName());
        return new ShipmentResponse(registered.orderNo(), registered.shipmentNo(), registered.processInstanceId());
    }
}
