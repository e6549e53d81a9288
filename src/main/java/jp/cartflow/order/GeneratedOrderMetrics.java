package jp.cartflow.order;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Orders generated from subscriptions (counted where they are written) for /actuator/prometheus (docs/operations.md, "Metrics"): a cluster-wide count
 * read at each scrape, so {@code rate(cartflow_subscription_orders_generated_total[5m])} is the generation rate
 * of all nodes together.
 */
@Component
class GeneratedOrderMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    GeneratedOrderMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("cartflow.subscription.orders.generated", this, GeneratedOrderMetrics::generated)
                .description("orders generated from subscriptions (all nodes)").register(registry);
    }

    double generated() {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order WHERE subscription_id IS NOT NULL AND delivery_index > 1")
                .query(Long.class).single();
    }
}
