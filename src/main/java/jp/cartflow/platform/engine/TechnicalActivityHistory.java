package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Marks the service tasks, catch and throw events a model declares technical with the extension property
 * {@code history = technical} (Modeler: "Extension properties"): {@link AuditWithoutGatewaysHistoryLevel} then
 * writes no activity history for them, as for gateways. Meant for the steps a loop passes on every round that tell
 * an operator nothing the next activity's row does not (docs/performance.md): the instance, the business steps,
 * variables and incidents keep their history.
 * <p>
 * A process may also name technical variables, comma-separated, in its extension property
 * {@code technicalVariables}: variables that only arm the next wait (the lifecycle's {@code nextGenerationAt},
 * rewritten on every delivery). They keep their runtime value, which Cockpit shows, but get no history row.
 */
class TechnicalActivityHistory extends AbstractProcessEnginePlugin {

    static final String EXTENSION_PROPERTY = "history";
    static final String TECHNICAL = "technical";
    /** The activity property the history level reads. */
    static final String NO_HISTORY = "cartflowNoActivityHistory";
    static final String TECHNICAL_VARIABLES_PROPERTY = "technicalVariables";
    /** The process definition property the history level reads: the set of variable names. */
    static final String TECHNICAL_VARIABLES = "cartflowTechnicalVariables";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPostBPMNParseListeners() == null
                ? List.of() : configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity definition) {
                Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
                String names = properties == null ? null : properties.get(TECHNICAL_VARIABLES_PROPERTY);
                if (names != null && !names.isBlank()) {
                    definition.setProperty(TECHNICAL_VARIABLES, Arrays.stream(names.split(","))
                            .map(String::trim).filter(n -> !n.isEmpty()).collect(Collectors.toUnmodifiableSet()));
                }
            }

            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                mark(element, activity);
            }

            @Override
            public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                mark(element, activity);
            }

            @Override
            public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                mark(element, activity);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static void mark(Element element, ActivityImpl activity) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
        if (properties != null && TECHNICAL.equals(properties.get(EXTENSION_PROPERTY))) {
            activity.setProperty(NO_HISTORY, Boolean.TRUE);
        }
    }

    static boolean isTechnical(ActivityImpl activity) {
        return Boolean.TRUE.equals(activity.getProperty(NO_HISTORY));
    }

    static boolean isTechnical(VariableInstanceEntity variable) {
        ExecutionEntity execution = variable.getExecution();
        if (execution == null || execution.getProcessDefinition() == null) {
            return false;
        }
        Object names = execution.getProcessDefinition().getProperty(TECHNICAL_VARIABLES);
        return names instanceof Set<?> set && set.contains(variable.getName());
    }
}
