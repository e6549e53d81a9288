package jp.cartflow.subscription.process;

import jp.cartflow.subscription.domain.OrderTermsRules;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analysts' decision tables of bpmn/, evaluated by a standalone instance of the engine's DMN engine (the same
 * library and FEEL as the process engine's DecisionService), for tests without a database.
 */
public final class DecisionTables {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final Map<String, DmnDecision> DECISIONS = new ConcurrentHashMap<>();

    private DecisionTables() {
    }

    /** SUB-11 and SUB-12 as production evaluates them, from the files in bpmn/. */
    public static OrderTermsRules orderTerms() {
        return new DecisionTableOrderTerms(DecisionTables::evaluate);
    }

    /** The single matching row of the decision {@code key} (file bpmn/{key}.dmn). */
    public static DmnDecisionRuleResult evaluate(String key, Map<String, Object> variables) {
        DmnDecision decision = DECISIONS.computeIfAbsent(key, k -> {
            try (InputStream in = Files.newInputStream(Path.of("bpmn", k + ".dmn"))) {
                return ENGINE.parseDecision(k, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return ENGINE.evaluateDecisionTable(decision, variables).getSingleResult();
    }
}
