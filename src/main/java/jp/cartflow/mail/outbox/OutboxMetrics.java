package jp.cartflow.mail.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The mail outbox for /actuator/prometheus (docs/operations.md, "Metrics"): how many mails wait, and how long the
 * oldest has waited. Both read the (status, created_at) index.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("cartflow.outbox.queued", this, OutboxMetrics::queued)
                .description("mails in the outbox not yet sent (QUEUED)").register(registry);
        Gauge.builder("cartflow.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds).baseUnit("seconds")
                .description("age of the oldest QUEUED mail; 0 when none waits").register(registry);
    }

    double queued() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE status = 'QUEUED'").query(Long.class).single();
    }

    double oldestAgeSeconds() {
        return jdbc.sql("SELECT MIN(created_at) FROM mail_outbox WHERE status = 'QUEUED'").query(OffsetDateTime.class)
                .optional().map(oldest -> Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0))
                .orElse(0.0);
    }
}
