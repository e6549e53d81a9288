package jp.cartflow.testsupport;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole application on a real PostgreSQL with the demo shop, demo
 * users and an in-process mail server on free ports. All subclasses share one Spring context (and one
 * database). The job executor is off: tests run jobs on purpose ({@link Jobs}). Shared test beans
 * (e.g. the CVE probe) come from {@link TestBeans}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// the Prometheus endpoint as in production (Boot's tests switch metric exporters off otherwise)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"demo", "test"})
@Import({IntegrationTestBeans.class, TestBeans.class})
public abstract class PostgresIntegrationTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestDatabases.registerFreshPostgresAndMailPorts(registry);
    }
}
