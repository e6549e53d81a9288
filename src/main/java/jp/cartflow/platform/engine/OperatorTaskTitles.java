package jp.cartflow.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Operator tasks that can be told apart in Tasklist's list: on creation the task name gets the order
 * (or subscription) number and, where the process knows it, the amount, e.g.
 * 「与信NGに対応する 注文 S-1001 ¥12,800」. The diagram keeps the plain name. Reads only variables the
 * processes already carry ({@code orderNo}, {@code subscriptionNo}, {@code amountText}), after the
 * {@link OperatorTaskFacts} of the order were added to the task as local display variables (a value the process
 * already set wins).
 */
@Component("operatorTaskTitle")
class OperatorTaskTitles implements TaskListener {

    private final List<OperatorTaskFacts> facts;

    OperatorTaskTitles(List<OperatorTaskFacts> facts) {
        this.facts = facts;
    }

    @Override
    public void notify(DelegateTask task) {
        String orderNo = text(task.getVariable("orderNo"));
        if (orderNo != null) {
            for (OperatorTaskFacts source : facts) {
                for (Map.Entry<String, Object> fact : source.forOrder(orderNo).entrySet()) {
                    if (task.getVariable(fact.getKey()) == null && fact.getValue() != null) {
                        task.setVariableLocal(fact.getKey(), fact.getValue());
                    }
                }
            }
        }
        task.setName(title(task.getName(), text(task.getVariable("orderNo")), text(task.getVariable("subscriptionNo")),
                text(task.getVariable("amountText"))));
    }

    static String title(String name, String orderNo, String subscriptionNo, String amountText) {
        StringBuilder title = new StringBuilder(name == null ? "" : name);
        if (orderNo != null) {
            title.append(" 注文 ").append(orderNo);
        } else if (subscriptionNo != null) {
            title.append(" 定期 ").append(subscriptionNo);
        }
        if (amountText != null) {
            title.append(' ').append(amountText);
        }
        return title.toString();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
