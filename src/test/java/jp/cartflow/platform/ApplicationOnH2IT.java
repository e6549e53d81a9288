package jp.cartflow.platform;

import com.fasterxml.jackson.databind.JsonNode;
import jp.cartflow.testsupport.TestDatabases;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo set-up (in-memory H2) as it runs without any install. Its own context: a distinct H2
 * database and a distinct engine name, so it cannot be mistaken for the PostgreSQL context's engine
 * "default" in Camunda's JVM-wide engine registry; closed after the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=h2it")
@ActiveProfiles({"demo", "test"})
@DirtiesContext
@Tag("own-jvm")
@DisplayName("The application on H2 (demo profile)")
class ApplicationOnH2IT {

    @DynamicPropertySource
    static void h2AndMailPorts(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:h2it;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        int smtp = TestDatabases.freePort();
        int pop3 = TestDatabases.freePort();
        registry.add("cartflow.demo.mail.smtp-port", () -> smtp);
        registry.add("cartflow.demo.mail.pop3-port", () -> pop3);
    }

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    @DisplayName("starts on H2 with Flyway's V1 and Camunda's tables side by side")
    void runsOnH2() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ACT_GE_PROPERTY", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop WHERE code = 'demo'", Integer.class)).isEqualTo(1);
    }

    @Test
    @DisplayName("answers GET /actuator/health with 200 UP without credentials")
    void healthIsOpen() {
        ResponseEntity<JsonNode> response = rest.getForEntity("/actuator/health", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("status").asText()).isEqualTo("UP");
    }
}
