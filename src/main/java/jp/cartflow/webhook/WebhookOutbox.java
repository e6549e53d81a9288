package jp.cartflow.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.inventory.events.StockUpdated;
import jp.cartflow.mail.events.BounceFlagged;
import jp.cartflow.order.events.OrderDomainEvent;
import jp.cartflow.order.events.OrderPlaced;
import jp.cartflow.order.events.PaymentStatusChanged;
import jp.cartflow.order.events.ShipmentRegistered;
import jp.cartflow.order.events.SubscriptionOrderGenerated;
import jp.cartflow.payment.events.PaymentMismatchDetected;
import jp.cartflow.subscription.events.SubscriptionEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable outbox: each domain event a registered endpoint subscribes to becomes a {@code webhook_event} row
 * and one {@code webhook_delivery} per endpoint, written by a plain {@code @EventListener} — inside the
 * transaction of the change, so an event exists exactly when its change committed (ADR 0005). An event no
 * endpoint subscribes to is not stored.
 */
@Component
class WebhookOutbox {

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final ObjectMapper json;

    WebhookOutbox(WebhookEndpoints endpoints, WebhookDeliveries deliveries, ObjectMapper json) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.json = json;
    }

    @EventListener
    void order(OrderDomainEvent event) {
        String key = "order:" + event.orderNo();
        if (event instanceof OrderPlaced e) {
            record(e.shopId(), "order.placed", key, e, e.occurredAt());
        } else if (event instanceof SubscriptionOrderGenerated e) {
            // ordered with the subscription's own events: a receiver sees created → generated → ended in order
            record(e.shopId(), "order.generated", "subscription:" + e.subscriptionNo(), e, e.occurredAt());
        } else if (event instanceof PaymentStatusChanged e && "AUTHORIZED".equals(e.to())) {
            record(e.shopId(), "payment.authorized", key, e, e.occurredAt());
        } else if (event instanceof PaymentStatusChanged e && "AUTH_DECLINED".equals(e.to())) {
            record(e.shopId(), "payment.declined", key, e, e.occurredAt());
        } else if (event instanceof ShipmentRegistered e) {
            record(e.shopId(), "shipment.notified", key, e, e.occurredAt());
        }
        // other order events (mail sent, confirmation queued, other payment statuses) are not offered
    }

    @EventListener
    void subscription(SubscriptionEvent e) {
        record(e.shopId(), e.type(), "subscription:" + e.subscriptionNo(), e, e.occurredAt());
    }

    @EventListener
    void mismatch(PaymentMismatchDetected e) {
        record(e.shopId(), e.type(), "order:" + e.orderNo(), e, e.occurredAt());
    }

    @EventListener
    void bounce(BounceFlagged e) {
        record(e.shopId(), e.type(), "bounce:" + e.email(), e, e.occurredAt());
    }

    @EventListener
    void stock(StockUpdated e) {
        record(e.shopId(), e.type(), "product:" + e.productCode(), e, e.occurredAt());
    }

    private void record(long shopId, String type, String orderingKey, Object data, Instant occurredAt) {
        List<Long> subscribed = endpoints.subscribedTo(shopId, type);
        if (subscribed.isEmpty()) {
            return;
        }
        String uid = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", uid);
        envelope.put("type", type);
        envelope.put("version", WebhookEventTypes.VERSION);
        envelope.put("createdAt", occurredAt.toString());
        envelope.put("shopId", shopId);
        envelope.put("data", data);
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook payload of " + type + " cannot be written", e);
        }
        long eventId = deliveries.insertEvent(shopId, uid, type, orderingKey, payload, occurredAt);
        deliveries.insertDeliveries(eventId, subscribed, orderingKey, occurredAt);
    }
}
