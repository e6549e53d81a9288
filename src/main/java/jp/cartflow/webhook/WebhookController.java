package jp.cartflow.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** Webhook endpoints of the shop: registration, the delivery log, replay, reactivation (docs/webhooks.md). */
@RestController
@Validated
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Push notifications of lifecycle changes to an integrator's URL")
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    public record Registration(
            @Schema(description = "HTTPS URL that receives the POSTs", example = "https://erp.example.co.jp/hooks/cartflow")
            @NotBlank @Size(max = 2000) String url,
            @Schema(description = "event types to receive", example = "[\"order.placed\", \"subscription.skipped\"]")
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> eventTypes,
            @Schema(description = "what the endpoint is for", example = "基幹システム連携")
            @Size(max = 255) String description) {
    }

    public record Registered(long id, String url, List<String> eventTypes, String description, String status,
                             @Schema(description = "signing secret; shown only in this answer") String secret,
                             Instant createdAt) {
    }

    @PostMapping("/endpoints")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an endpoint; the answer shows its signing secret once",
            description = "Registers an https URL for the given event types; the answer shows the signing secret once. Rules: none (docs/webhooks.md).")
    public Registered register(@Valid @RequestBody Registration registration, Principal principal) {
        return service.register(registration, principal.getName());
    }

    @GetMapping("/event-types")
    @Operation(summary = "The event types an endpoint can subscribe to",
            description = "Every event type an endpoint can subscribe to. Rules: none (docs/webhooks.md).")
    public List<String> eventTypes() {
        return WebhookEventTypes.ALL;
    }

    @GetMapping("/endpoints")
    @Operation(summary = "The shop's endpoints (FAILING ones need an operator)",
            description = "The shop's webhook endpoints with status; FAILING ones gave up after 24 h and need an operator. Rules: none.")
    public List<WebhookEndpoints.Endpoint> endpoints(
            @Parameter(description = "only endpoints in this status", example = "FAILING")
            @RequestParam(required = false) WebhookEndpoints.Status status) {
        return service.endpoints(status);
    }

    @GetMapping("/endpoints/{id}")
    @Operation(summary = "One endpoint",
            description = "One webhook endpoint (never its secret). Rules: none.")
    public WebhookEndpoints.Endpoint endpoint(@Parameter(description = "endpoint id", example = "1")
                                              @PathVariable long id) {
        return service.endpoint(id);
    }

    @PostMapping("/endpoints/{id}/reactivate")
    @Operation(summary = "Resume deliveries to a FAILING endpoint (its pending deliveries go out again)",
            description = "A FAILING endpoint receives again; its pending deliveries go out in order. Rules: none.")
    public WebhookEndpoints.Endpoint reactivate(@Parameter(description = "endpoint id", example = "1")
                                                @PathVariable long id) {
        return service.setStatus(id, WebhookEndpoints.Status.ACTIVE);
    }

    @DeleteMapping("/endpoints/{id}")
    @Operation(summary = "Disable an endpoint: no new events, no further deliveries",
            description = "The endpoint collects no new events and gets no further deliveries. Rules: none.")
    public WebhookEndpoints.Endpoint disable(@Parameter(description = "endpoint id", example = "1")
                                             @PathVariable long id) {
        return service.setStatus(id, WebhookEndpoints.Status.DISABLED);
    }

    @GetMapping("/endpoints/{id}/deliveries")
    @Operation(summary = "The delivery log of an endpoint, newest first",
            description = "The endpoint's deliveries, newest first, with status, attempts and the last answer. Rules: none.")
    public List<WebhookDeliveries.Delivery> deliveries(
            @Parameter(description = "endpoint id", example = "1") @PathVariable long id,
            @Parameter(description = "only deliveries in this status", example = "PENDING")
            @RequestParam(required = false) WebhookDeliveries.Status status,
            @Parameter(description = "at most this many (1-500)", example = "50")
            @RequestParam(defaultValue = "50") @Positive @Max(500) int limit) {
        return service.deliveries(id, status, limit);
    }

    public record DeliveryDetail(WebhookDeliveries.Delivery delivery, List<WebhookDeliveries.Attempt> attempts) {
    }

    @GetMapping("/deliveries/{id}")
    @Operation(summary = "A delivery with every attempt (time, HTTP status or error, duration)",
            description = "One delivery with every attempt: time, HTTP status or error, duration. Rules: none.")
    public DeliveryDetail delivery(@Parameter(description = "delivery id", example = "42") @PathVariable long id) {
        return service.delivery(id);
    }

    @PostMapping("/deliveries/{id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send the delivery's event again (same event id) as a new delivery",
            description = "Sends the same event (same Cartflow-Event-Id) again as a new delivery. Rules: none.")
    public WebhookDeliveries.Delivery replay(@Parameter(description = "delivery id", example = "42")
                                             @PathVariable long id) {
        return service.replay(id);
    }
}
