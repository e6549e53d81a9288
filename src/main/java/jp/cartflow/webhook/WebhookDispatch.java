package jp.cartflow.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Delivers due webhook deliveries: claims a batch (row locks, SKIP LOCKED), posts them concurrently, and writes
 * every outcome and attempt back in the claiming transaction. A node that dies mid-batch releases its locks with
 * its connection; the rows are still pending and go out again (at least once: receivers deduplicate on the event
 * id). Non-2xx answers and network errors are retried with exponential backoff until {@code giveUpAfter} has
 * passed since the event; then the delivery fails and its endpoint is marked FAILING for an operator.
 */
@Service
class WebhookDispatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final ExecutorService senders;
    private final HttpClient http;

    WebhookDispatch(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookProperties properties,
                    Clock clock, PlatformTransactionManager transactionManager) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.senders = Executors.newFixedThreadPool(properties.senderThreads(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .executor(senders).build();
    }

    /** Sends due deliveries until none is left (or {@code maxBatches} ran); returns how many were attempted. */
    int dispatchDue(int maxBatches) {
        int attempted = 0;
        for (int i = 0; i < maxBatches; i++) {
            Integer n = transaction.execute(status -> dispatchBatch());
            attempted += n;
            if (n < properties.batchSize()) {
                break;
            }
        }
        return attempted;
    }

    private int dispatchBatch() {
        List<Long> ids = deliveries.claimDue(clock.instant(), properties.batchSize());
        if (ids.isEmpty()) {
            return 0;
        }
        List<WebhookDeliveries.Claimed> claimed = deliveries.claimed(ids);
        List<CompletableFuture<WebhookDeliveries.Outcome>> sent = new ArrayList<>(claimed.size());
        for (WebhookDeliveries.Claimed d : claimed) {
            sent.add(send(d));
        }
        List<WebhookDeliveries.Outcome> outcomes = sent.stream().map(CompletableFuture::join).toList();
        deliveries.record(outcomes);
        for (WebhookDeliveries.Outcome o : outcomes) {
            if (o.status() == WebhookDeliveries.Status.FAILED) {
                log.warn("Webhook delivery {} ({} {}) failed for {}; endpoint {} is marked FAILING: {}",
                        o.delivery().id(), o.delivery().eventType(), o.delivery().eventUid(), properties.giveUpAfter(),
                        o.delivery().endpointId(), o.error() != null ? o.error() : "HTTP " + o.statusCode());
                endpoints.markFailing(o.delivery().endpointId(), o.attemptedAt(),
                        "delivery " + o.delivery().id() + ": " + (o.error() != null ? o.error() : "HTTP " + o.statusCode()));
            }
        }
        return outcomes.size();
    }

    private CompletableFuture<WebhookDeliveries.Outcome> send(WebhookDeliveries.Claimed d) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(d.url())).timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "cartflow-webhooks/1")
                    .header("Cartflow-Event-Id", d.eventUid())
                    .header("Cartflow-Event-Type", d.eventType())
                    .header("Cartflow-Delivery-Id", Long.toString(d.id()))
                    .header(WebhookSignature.HEADER, WebhookSignature.header(d.secret(), at.getEpochSecond(), d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload())).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(outcome(d, at, started, null, "bad URL: " + e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error != null
                        ? outcome(d, at, started, null, error.getClass().getSimpleName() + ": " + error.getMessage())
                        : outcome(d, at, started, response.statusCode(), null));
    }

    private WebhookDeliveries.Outcome outcome(WebhookDeliveries.Claimed d, Instant at, long started, Integer code,
                                              String error) {
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        if (error == null && code >= 200 && code < 300) {
            return new WebhookDeliveries.Outcome(d, at, code, null, millis, WebhookDeliveries.Status.DELIVERED, null);
        }
        Instant giveUpAt = d.createdAt().plus(properties.giveUpAfter());
        if (!at.isBefore(giveUpAt)) {
            return new WebhookDeliveries.Outcome(d, at, code, error, millis, WebhookDeliveries.Status.FAILED, null);
        }
        Instant next = at.plus(backoff(d.attempts() + 1));
        return new WebhookDeliveries.Outcome(d, at, code, error, millis, WebhookDeliveries.Status.PENDING,
                next.isAfter(giveUpAt) ? giveUpAt : next);
    }

    /** After the n-th failed attempt: initialRetry × 2^(n-1), at most maxRetryInterval. */
    Duration backoff(int failedAttempts) {
        Duration wait = properties.initialRetry();
        for (int i = 1; i < failedAttempts && wait.compareTo(properties.maxRetryInterval()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetryInterval()) > 0 ? properties.maxRetryInterval() : wait;
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }
}
