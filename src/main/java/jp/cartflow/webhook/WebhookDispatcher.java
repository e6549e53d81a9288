package jp.cartflow.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the webhook outbox on every node. Running it on N nodes is safe: each batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes never hold the same delivery, and a claimed row stays locked
 * until its outcome is written. Why not the engine's job executor: one job per delivery would add a job row,
 * its locking and its history to every delivery, where the outbox row already is the durable unit of work
 * (docs/webhooks.md, "Delivery").
 */
@Component
@ConditionalOnProperty(prefix = "cartflow.webhooks.dispatcher", name = "enabled", havingValue = "true", matchIfMissing = true)
class WebhookDispatcher {

    private final WebhookDispatch dispatch;

    WebhookDispatcher(WebhookDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(fixedDelayString = "${cartflow.webhooks.dispatcher.interval:PT1S}")
    void dispatch() {
        dispatch.dispatchDue(50);
    }
}
