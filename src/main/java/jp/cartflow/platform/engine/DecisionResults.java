package jp.cartflow.platform.engine;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import jp.cartflow.platform.tx.TransactionMemo;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single result of the latest deployed version of a decision table, remembered per (version, inputs).
 * <p>
 * A decision table's result depends only on its version and its inputs, and the engine's FEEL evaluation is the
 * most expensive part of a subscription checkout (it rebuilds its built-in functions and parses every input
 * entry on each evaluation; docs/performance.md, "Checkout and my-page under load"). The latest version is still
 * looked up, as {@code evaluateDecisionTableByKey} does, but for every table in one query once per transaction
 * (outside one: on every call), so a newly deployed table takes effect with the next transaction. At our history level the engine records no
 * decision history; when a level that does is configured
 * ({@code full}), every call is evaluated by the engine so that no history row goes missing.
 */
@Component
public class DecisionResults {

    /** Inputs are a handful of flags, codes and amounts; beyond this many entries the cache starts over. */
    static final int MAX_ENTRIES = 10_000;

    private record Key(String definitionId, Map<String, Object> inputs) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final boolean cache;
    private final Map<Key, DmnDecisionRuleResult> results = new ConcurrentHashMap<>();
    private final TransactionMemo<Boolean, Map<String, DecisionDefinition>> latestVersions = new TransactionMemo<>();

    DecisionResults(ProcessEngine engine) {
        this.decisions = engine.getDecisionService();
        this.repository = engine.getRepositoryService();
        this.cache = !((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel()
                .isHistoryEventProduced(HistoryEventTypes.DMN_DECISION_EVALUATE, null);
    }

    /** The single rule result of the latest version of decision {@code key} for these inputs. */
    public DmnDecisionRuleResult single(String key, Map<String, Object> inputs) {
        if (!cache) {
            return decisions.evaluateDecisionTableByKey(key, inputs).getSingleResult();
        }
        // the latest version of every table in one query, once per transaction: a checkout asks about several
        // tables, several times, in its checks
        DecisionDefinition latest = latestVersions.get(Boolean.TRUE, all -> latestOfEveryKey()).get(key);
        if (latest == null) {
            // as the engine answers it
            return decisions.evaluateDecisionTableByKey(key, inputs).getSingleResult();
        }
        Key k = new Key(latest.getId(), Collections.unmodifiableMap(new HashMap<>(inputs)));
        DmnDecisionRuleResult known = results.get(k);
        if (known != null) {
            return known;
        }
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableById(latest.getId(), inputs).getSingleResult();
        if (result != null) {
            if (results.size() >= MAX_ENTRIES) {
                results.clear();
            }
            results.put(k, result);
        }
        return result;
    }

    /** Decision key → its latest version (shared, no tenant), as {@code evaluateDecisionTableByKey} finds it. */
    private Map<String, DecisionDefinition> latestOfEveryKey() {
        Map<String, DecisionDefinition> byKey = new HashMap<>();
        repository.createDecisionDefinitionQuery().latestVersion().withoutTenantId().list()
                .forEach(d -> byKey.put(d.getKey(), d));
        return byKey;
    }
}
