package jp.cartflow.webhook;

import java.util.List;

/** The event types an endpoint can subscribe to; each payload carries {@code version} (see docs/webhooks.md). */
final class WebhookEventTypes {

    static final List<String> ALL = List.of(
            "subscription.created", "subscription.changed", "subscription.skipped", "subscription.terminated",
            "subscription.ended", "order.placed", "order.generated", "payment.authorized", "payment.declined",
            "payment.mismatch_detected", "shipment.notified", "bounce.flagged", "inventory.stock_updated");

    /** The payload version of every type today; a breaking payload change gets a new version (docs/rest-api.md). */
    static final int VERSION = 1;

    private WebhookEventTypes() {
    }
}
