package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The remembered decision results follow a new deployment at once, and inputs with nulls are keys like others. */
class DecisionResultsTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void start() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:decision-results;DB_CLOSE_DELAY=-1")
                .setHistory(ProcessEngineConfiguration.HISTORY_AUDIT)
                .setJobExecutorActivate(false)
                .setProcessEngineName("decision-results-test")
                .buildProcessEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    private static void deploy(String answer) {
        engine.getRepositoryService().createDeployment().addString("answer.dmn", """
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
        DecisionResults results = new DecisionResults(engine);
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
}
