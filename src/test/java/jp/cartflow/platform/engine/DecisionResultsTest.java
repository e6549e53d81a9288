package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered decision results follow a deployment on this engine at once and one made by another engine on the
 * same database (another node) after the refresh interval; inputs with nulls are keys like others.
 */
class DecisionResultsTest {

    private static final String DB = "jdbc:h2:mem:decision-results;DB_CLOSE_DELAY=-1";

    private static DecisionDeployments deployments;
    private static ProcessEngine engine;
    /** Another node on the same database. */
    private static ProcessEngine otherNode;

    @BeforeAll
    static void start() {
        deployments = new DecisionDeployments();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl(DB)
                .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT)
                .setJobExecutorActivate(false)
                .setProcessEngineName("decision-results-test");
        configuration.getProcessEnginePlugins().add(deployments);
        engine = configuration.buildProcessEngine();
        otherNode = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(DB)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT)
                .setJobExecutorActivate(false)
                .setProcessEngineName("decision-results-other-node")
                .buildProcessEngine();
    }

    @AfterAll
    static void stop() {
        otherNode.close();
        engine.close();
    }

    private static void deploy(String answer) {
        deploy(engine, answer);
    }

    private static void deploy(ProcessEngine on, String answer) {
        on.getRepositoryService().createDeployment().addString("answer.dmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_Answer" name="answer" namespace="http://cartflow.jp/dmn">
                  <decision id="Answer" name="answer" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_Answer" hitPolicy="FIRST">
                      <input id="Input_Code"><inputExpression id="InputExpression_Code" typeRef="string"><text>code</text></inputExpression></input>
                      <output id="Output_Answer" name="answer" typeRef="string" />
                      <rule id="Rule_A"><inputEntry id="Entry_A"><text>"A"</text></inputEntry><outputEntry id="Out_A"><text>"%s"</text></outputEntry></rule>
                      <rule id="Rule_Other"><inputEntry id="Entry_Other"><text>-</text></inputEntry><outputEntry id="Out_Other"><text>"other"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(answer)).deploy();
    }

    private static String answer(DecisionResults results, Map<String, Object> inputs) {
        return results.single("Answer", inputs).getEntry("answer");
    }

    @Test
    @DisplayName("a decision table deployed again answers with its new version on the next call")
    void followsNewDeployment() {
        DecisionResults results = new DecisionResults(engine, deployments);
        deploy("first");
        assertThat(answer(results, Map.of("code", "A"))).isEqualTo("first");
        assertThat(answer(results, Map.of("code", "A"))).isEqualTo("first");
        deploy("second");
        assertThat(answer(results, Map.of("code", "A"))).isEqualTo("second");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("code", null);
        assertThat(answer(results, withNull)).isEqualTo("other");
        assertThat(answer(results, Map.of("code", "B"))).isEqualTo("other");
    }

    @Test
    @DisplayName("a version deployed by another node is used after the refresh interval, not before")
    void followsOtherNodeAfterRefresh() {
        deploy("mine");
        DecisionResults remembering = new DecisionResults(engine, deployments, Duration.ofHours(1));
        DecisionResults refreshing = new DecisionResults(engine, deployments, Duration.ZERO);
        assertThat(answer(remembering, Map.of("code", "A"))).isEqualTo("mine");
        assertThat(answer(refreshing, Map.of("code", "A"))).isEqualTo("mine");
        deploy(otherNode, "theirs");
        assertThat(answer(remembering, Map.of("code", "A"))).as("within the refresh interval").isEqualTo("mine");
        assertThat(answer(refreshing, Map.of("code", "A"))).as("after it").isEqualTo("theirs");
    }
}
