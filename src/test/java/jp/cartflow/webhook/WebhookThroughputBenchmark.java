package jp.cartflow.webhook;

import com.sun.net.httpserver.HttpServer;
import jp.cartflow.bench.BenchSummary;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;


/**
 * Webhook throughput to a local receiver (docs/performance.md, "Webhook deliveries"). Not a test: run with
 * {@code mvn -Pbench verify -Dit.test=WebhookThroughputBenchmark -Dbench.webhooks=20000} (a plain {@code -Pbench verify}
 * runs it after the subscription burst). Two figures in one run against the
 * same local receiver (the JDK's HTTP server): <b>cartflow</b> (outbox rows claimed with SKIP LOCKED, signed, posted, outcome and
 * attempt written back) and <b>floor</b> (the same signed POSTs from the same HTTP client and thread count,
 * no database).
 */
class WebhookThroughputBenchmark extends PostgresIntegrationTest {

    private final int n = Integer.getInteger("bench.webhooks", 20_000);

    @Autowired WebhookEndpoints endpoints;
    @Autowired WebhookDeliveries deliveries;
    @Autowired WebhookDispatch dispatch;
    @Autowired WebhookProperties properties;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void deliveriesPerSecond() throws Exception {
        // the local receiver: the JDK's HTTP server answering 204, so the figure is ours rather than the receiver's
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        ExecutorService receiverThreads = Executors.newFixedThreadPool(16);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            long shop = jdbc.sql("SELECT MIN(id) FROM shop").query(Long.class).single();
            String secret = WebhookSignature.newSecret();
            long endpoint = endpoints.insert(shop, url, "bench", List.of("subscription.skipped"), secret,
                    clock.instant(), "bench");
            String payload = "{\"id\":\"evt_bench\",\"type\":\"subscription.skipped\",\"version\":1,"
                    + "\"data\":{\"subscriptionNo\":\"S-000001\",\"skipped\":true,\"deliveryDate\":\"2026-12-25\"}}";
            TransactionTemplate tx = new TransactionTemplate(transactions);
            for (int from = 0; from < n; from += 1000) {
                int start = from;
                tx.executeWithoutResult(s -> {
                    for (int i = start; i < Math.min(n, start + 1000); i++) {
                        long event = deliveries.insertEvent(shop, "evt_bench_" + i, "subscription.skipped",
                                "subscription:S-" + (i % 2000), payload, clock.instant());
                        deliveries.insertDeliveries(event, List.of(endpoint), "subscription:S-" + (i % 2000),
                                clock.instant());
                    }
                });
            }
            dispatch.dispatchDue(1); // warm-up batch
            long t0 = System.nanoTime();
            int sent = 0;
            while (true) {
                int batch = dispatch.dispatchDue(1000);
                if (batch == 0) {
                    break;
                }
                sent += batch;
            }
            double cartflow = sent / ((System.nanoTime() - t0) / 1e9);
            int delivered = jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = :e AND status = 'DELIVERED'")
                    .param("e", endpoint).query(Integer.class).single();

            ExecutorService threads = Executors.newFixedThreadPool(properties.senderThreads());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
            long t1 = System.nanoTime();
            for (int from = 0; from < n; from += properties.batchSize()) {
                List<CompletableFuture<HttpResponse<Void>>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + properties.batchSize()); i++) {
                    batch.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url))
                            .header(WebhookSignature.HEADER, WebhookSignature.header(secret, 1, payload))
                            .POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
                            HttpResponse.BodyHandlers.discarding()));
                }
                batch.forEach(CompletableFuture::join);
            }
            double floor = n / ((System.nanoTime() - t1) / 1e9);
            threads.shutdownNow();
            System.out.printf("%n== webhook deliveries, N = %d, batch %d, %d sender threads ==%n", n,
                    properties.batchSize(), properties.senderThreads());
            System.out.printf("cartflow: %,d delivered, %.0f deliveries/s%n", delivered, cartflow);
            System.out.printf("floor:    %.0f POSTs/s (same client, no database)%n", floor);
            System.out.printf("ratio cartflow/floor: %.2f%n%n", cartflow / floor);
            // issue 17's target: ≥ 500 deliveries/s to a local receiver
            BenchSummary.row(String.format(Locale.ROOT, "webhooks, %,d deliveries", n),
                    "-Dit.test=WebhookThroughputBenchmark -Dbench.webhooks=" + n,
                    String.format(Locale.ROOT, "signed POSTs, same client, no database %.0f/s", floor),
                    String.format(Locale.ROOT, "%.0f deliveries/s, %,d delivered", cartflow, delivered),
                    String.format(Locale.ROOT, "%.2f×", cartflow / floor), "≥ 500 deliveries/s",
                    cartflow >= 500 && delivered == n);
            BenchSummary.print();
        } finally {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }
}
