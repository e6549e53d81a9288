package jp.cartflow.webhook;

import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Registration and the operator's view of webhook endpoints and deliveries. */
@Service
class WebhookService {

    private final ShopDirectory shops;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookService(ShopDirectory shops, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
                   WebhookProperties properties, Clock clock) {
        this.shops = shops;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    WebhookController.Registered register(WebhookController.Registration r, String actor) {
        String url = checkedUrl(r.url());
        List<String> types = r.eventTypes().stream().map(String::strip).distinct().toList();
        for (int i = 0; i < r.eventTypes().size(); i++) {
            if (!WebhookEventTypes.ALL.contains(r.eventTypes().get(i).strip())) {
                throw DomainException.invalid("eventTypes[" + i + "]", "unknown event type '" + r.eventTypes().get(i)
                        + "' (GET /api/webhooks/event-types lists them)");
            }
        }
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        long id = endpoints.insert(shops.current().id(), url, blankToNull(r.description()), types, secret, now, actor);
        WebhookEndpoints.Endpoint e = endpoint(id);
        return new WebhookController.Registered(id, e.url(), e.eventTypes(), e.description(), e.status().name(),
                secret, e.createdAt());
    }

    private String checkedUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw DomainException.invalid("url", "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw DomainException.invalid("url", "an absolute https URL is needed");
        }
        if (scheme.equals("http") && !properties.allowPlainHttp()) {
            throw DomainException.invalid("url", "https is required (the payload carries personal data)");
        }
        if (uri.getUserInfo() != null) {
            throw DomainException.invalid("url", "no credentials in the URL: verify the signature instead");
        }
        return uri.toString();
    }

    @Transactional(readOnly = true)
    List<WebhookEndpoints.Endpoint> endpoints(WebhookEndpoints.Status status) {
        return endpoints.list(shops.current().id(), status);
    }

    @Transactional(readOnly = true)
    WebhookEndpoints.Endpoint endpoint(long id) {
        return endpoints.find(shops.current().id(), id)
                .orElseThrow(() -> DomainException.notFound("webhook endpoint " + id, "id"));
    }

    @Transactional
    WebhookEndpoints.Endpoint setStatus(long id, WebhookEndpoints.Status status) {
        WebhookEndpoints.Endpoint e = endpoint(id);
        if (e.status() == WebhookEndpoints.Status.DISABLED && status == WebhookEndpoints.Status.ACTIVE) {
            throw DomainException.conflict("id", "webhook endpoint " + id + " is disabled; register a new one");
        }
        endpoints.setStatus(id, status);
        return endpoint(id);
    }

    @Transactional(readOnly = true)
    List<WebhookDeliveries.Delivery> deliveries(long endpointId, WebhookDeliveries.Status status, int limit) {
        endpoint(endpointId);
        return deliveries.forEndpoint(endpointId, status, limit);
    }

    @Transactional(readOnly = true)
    WebhookController.DeliveryDetail delivery(long id) {
        WebhookDeliveries.Delivery d = find(id);
        return new WebhookController.DeliveryDetail(d, deliveries.attempts(id));
    }

    @Transactional
    WebhookDeliveries.Delivery replay(long id) {
        WebhookDeliveries.Delivery d = find(id);
        if (endpoint(d.endpointId()).status() == WebhookEndpoints.Status.DISABLED) {
            throw DomainException.conflict("id", "the endpoint of delivery " + id + " is disabled");
        }
        return find(deliveries.replay(d, clock.instant()));
    }

    private WebhookDeliveries.Delivery find(long id) {
        return deliveries.find(shops.current().id(), id)
                .orElseThrow(() -> DomainException.notFound("webhook delivery " + id, "id"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
