package jp.cartflow.platform.engine;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single result of the latest deployed version of a decision table, remembered per (version, inputs).
 * <p>
 * A decision table's result depends only on its version and its inputs, and the engine's FEEL evaluation is the
 * most expensive part of a subscription checkout (it rebuilds its built-in functions and parses every input
 * entry on each evaluation; docs/performance.md, "Checkout and my-page under load").
 * <p>
 * Which version is the latest is remembered too (for every table, from one query): looking it up was a tenth of a
 * subscription generation's time and a third of a checkout's. It is looked up again as soon as this engine has
 * deployed or loaded a deployment ({@link DecisionDeployments}), so a table deployed on this node answers with its new
 * version on the next call; a version deployed on another node of the cluster is used here within
 * {@link #LATEST_VERSION_REFRESH}. At our history level the engine records no decision history; when a level that
 * does is configured
 * ({@code full}), every call is evaluated by the engine so that no history row goes missing.
 */
@Component
public class DecisionResults {

    /** How long the latest version of a decision is taken as known when no deployment happened on this node. */
    static final Duration LATEST_VERSION_REFRESH = Duration.ofSeconds(10);

    /** Inputs are a handful of flags, codes and amounts; beyond this many entries the cache starts over. */
    static final int MAX_ENTRIES = 10_000;

    private record Key(String definitionId, Map<String, Object> inputs) {
    }

    /** Decision key → id of its latest version (shared, no tenant), as of one lookup. */
    private record Latest(Map<String, String> definitionIds, long deployments, long lookedUpAtNanos) {
    }

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final boolean cache;
    private final DecisionDeployments deployments;
    private final long refreshNanos;
    private final Map<Key, DmnDecisionRuleResult> results = new ConcurrentHashMap<>();
    private volatile Latest latest;

    @Autowired
    DecisionResults(ProcessEngine engine, DecisionDeployments deployments) {
        this(engine, deployments, LATEST_VERSION_REFRESH);
    }

    DecisionResults(ProcessEngine engine, DecisionDeployments deployments, Duration latestVersionRefresh) {
        this.deployments = deployments;
        this.refreshNanos = latestVersionRefresh.toNanos();
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
        String definitionId = latestDefinitionId(key);
        if (definitionId == null) {
            // as the engine answers it
            return decisions.evaluateDecisionTableByKey(key, inputs).getSingleResult();
        }
        Key k = new Key(definitionId, Collections.unmodifiableMap(new HashMap<>(inputs)));
        DmnDecisionRuleResult known = results.get(k);
        if (known != null) {
            return known;
        }
        DmnDecisionRuleResult result;
        try {
            result = decisions.evaluateDecisionTableById(definitionId, inputs).getSingleResult();
        } catch (NotFoundException deleted) {
            // the remembered version's deployment was deleted meanwhile: ask the engine by key
            latest = null;
            return decisions.evaluateDecisionTableByKey(key, inputs).getSingleResult();
        }
        if (result != null) {
            if (results.size() >= MAX_ENTRIES) {
                results.clear();
            }
            results.put(k, result);
        }
        return result;
    }

    private String latestDefinitionId(String key) {
        long deployed = deployments.generation();
        long now = System.nanoTime();
        Latest known = latest;
        if (known == null || known.deployments() != deployed || now - known.lookedUpAtNanos() >= refreshNanos) {
            // the latest version of every table in one query: a checkout and a generation ask about several tables
            Map<String, String> ids = new HashMap<>();
            repository.createDecisionDefinitionQuery().latestVersion().withoutTenantId().list()
                    .forEach(d -> ids.put(d.getKey(), d.getId()));
            known = new Latest(Map.copyOf(ids), deployed, now);
            latest = known;
        }
        return known.definitionIds().get(key);
    }
}
