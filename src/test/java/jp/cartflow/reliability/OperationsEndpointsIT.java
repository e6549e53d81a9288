package jp.cartflow.reliability;

import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** /actuator/prometheus for camunda-admin only, with the operations metrics; liveness and readiness groups. */
@DisplayName("Operations endpoints: Prometheus metrics (admin only), liveness and readiness")
class OperationsEndpointsIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;

    @Test
    @DisplayName("/actuator/prometheus: 401 without login, 403 for an operator, 200 with the job, incident, outbox and generation metrics for camunda-admin")
    void prometheusForAdminsOnly() {
        assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth("operator", "operator").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> metrics = rest.withBasicAuth("demo", "demo").getForEntity("/actuator/prometheus", String.class);

        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains(
                "cartflow_jobs_due_not_acquired{", "cartflow_jobs_acquired_total{", "cartflow_jobs_acquisition_conflicts_total{",
                "cartflow_jobs_rejected_total{", "cartflow_jobs_succeeded_total{", "cartflow_jobs_failed_attempts_total{",
                "cartflow_jobs_failed{", "cartflow_incidents_open{", "cartflow_outbox_queued{",
                "cartflow_outbox_oldest_age_seconds{", "cartflow_subscription_orders_generated_total{",
                "application=\"cartflow\"");
    }

    @Test
    @DisplayName("liveness and readiness are open and UP; readiness covers the database, the engine and the job executor")
    void probes() {
        ResponseEntity<String> liveness = rest.getForEntity("/actuator/health/liveness", String.class);
        ResponseEntity<String> readiness = rest.getForEntity("/actuator/health/readiness", String.class);
        assertThat(liveness.getStatusCode().value()).isEqualTo(200);
        assertThat(liveness.getBody()).contains("\"status\":\"UP\"");
        assertThat(readiness.getStatusCode().value()).isEqualTo(200);
        assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
    }
}
