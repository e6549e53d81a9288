package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Marks the service tasks, catch and throw events a model declares technical with the extension property
 * {@code history = technical} (Modeler: "Extension properties"): {@link AuditWithoutGatewaysHistoryLevel} then
 * writes no activity history for them, as for gateways. Meant for the steps a loop passes on every round that tell
 * an operator nothing the next activity's row does not (docs/performance.md): the instance, the business steps,
 * variables and incidents keep their history.
 */
class TechnicalActivityHistory extends AbstractProcessEnginePlugin {

    static final String EXTENSION_PROPERTY = "history";
    static final String TECHNICAL = "technical";
    /** The activity property the history level reads. */
    static final String NO_HISTORY = "cartflowNoActivityHistory";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = new ArrayList<>(configuration.getCustomPostBPMNParseListeners() == null
                ? List.of() : configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
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
}
