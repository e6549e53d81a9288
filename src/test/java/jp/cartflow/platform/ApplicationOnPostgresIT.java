package jp.cartflow.platform;

import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.Serializable;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The application on PostgreSQL")
class ApplicationOnPostgresIT extends PostgresIntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProcessEngineConfigurationImpl processEngineConfiguration;

    @Test
    @DisplayName("starts on a real PostgreSQL database")
    void runsOnPostgres() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    @DisplayName("Flyway applied V1 and Camunda's schema exists in the same database, with the demo shop")
    void flywayAndCamundaShareTheDatabase() {
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM flyway_schema_history WHERE version = '1' AND success", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM act_ge_property", Integer.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop WHERE code = 'demo'", Integer.class)).isEqualTo(1);
    }

    @Test
    @DisplayName("deploys the process and its forms together under stable, classpath-relative names")
    void stableDeploymentNames() {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("ShippingNotificationProcess").latestVersion().singleResult();
        assertThat(definition).isNotNull();
        assertThat(definition.getResourceName()).isEqualTo("bpmn/ShippingNotificationProcess.bpmn");
        List<String> names = repositoryService.getDeploymentResources(definition.getDeploymentId()).stream()
                .map(Resource::getName).toList();
        assertThat(names).contains("bpmn/ShippingNotificationProcess.bpmn",
                "forms/register-tracking-number.form", "forms/confirm-bounced-recipient.form");
    }

    @Test
    @DisplayName("refuses variables in Java serialization format (javaSerializationFormatEnabled=false)")
    void javaSerializationIsOff() {
        assertThat(processEngineConfiguration.isJavaSerializationFormatEnabled()).isFalse();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("ShippingNotificationProcess",
                Map.of("trackingRegistered", false));
        try {
            String serialized = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xac, (byte) 0xed, 0, 5});
            assertThatThrownBy(() -> runtimeService.setVariable(instance.getId(), "payload",
                    Variables.serializedObjectValue(serialized)
                            .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                            .objectTypeName(Payload.class.getName())
                            .create()))
                    .hasMessageContaining("Java serialization format is prohibited");
            assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey("payload");
        } finally {
            runtimeService.deleteProcessInstance(instance.getId(), "test cleanup");
        }
    }

    /** A Serializable, non-primitive type: what a Java-serialized payload would claim to be. */
    record Payload(String value) implements Serializable {
    }
}
