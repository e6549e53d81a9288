package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;

import java.util.Set;

/**
 * History level {@code audit-without-gateways}: everything {@code audit} records, except the start and end of
 * gateways. A gateway's history row tells nothing that the next activity's row does not, yet a subscription
 * passes five of them per delivery: this level halves the activity history of the morning burst
 * (docs/performance.md). Tasks, events, sub-processes, call activities, variables, incidents and process
 * instances are recorded as with {@code audit}. Activities and variables a model marks technical
 * ({@link TechnicalActivityHistory}) are left out the same way.
 */
class AuditWithoutGatewaysHistoryLevel implements HistoryLevel {

    public static final String NAME = "audit-without-gateways";
    static final int ID = 22;
    private static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "complexGateway");

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (!HistoryLevel.HISTORY_LEVEL_AUDIT.isHistoryEventProduced(eventType, entity)) {
            return false;
        }
        if (isActivityInstanceEvent(eventType) && entity instanceof ExecutionEntity execution) {
            ActivityImpl activity = execution.getActivity();
            return activity == null || !(GATEWAYS.contains(String.valueOf(activity.getProperty("type")))
                    || TechnicalActivityHistory.isTechnical(activity));
        }
        if (isVariableInstanceEvent(eventType) && entity instanceof VariableInstanceEntity variable) {
            return !TechnicalActivityHistory.isTechnical(variable);
        }
        return true;
    }

    private static boolean isVariableInstanceEvent(HistoryEventType type) {
        return type == HistoryEventTypes.VARIABLE_INSTANCE_CREATE || type == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                || type == HistoryEventTypes.VARIABLE_INSTANCE_DELETE
                || type == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE;
    }

    private static boolean isActivityInstanceEvent(HistoryEventType type) {
        return type == HistoryEventTypes.ACTIVITY_INSTANCE_START || type == HistoryEventTypes.ACTIVITY_INSTANCE_END
                || type == HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE
                || type == HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE;
    }
}
