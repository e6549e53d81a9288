package jp.cartflow.payment.process;

import jp.cartflow.payment.SubscriptionPaymentRule;
import jp.cartflow.platform.engine.DecisionResults;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** SUB-17 by the decision table {@code SubscriptionPaymentCompatibility} (bpmn/), through the engine. */
@Component
class DecisionTablePaymentCompatibility implements SubscriptionPaymentRule {

    static final String DECISION = "SubscriptionPaymentCompatibility";

    private final Function<Map<String, Object>, DmnDecisionRuleResult> evaluate;

    @Autowired
    DecisionTablePaymentCompatibility(DecisionResults decisions) {
        this(variables -> decisions.single(DECISION, variables));
    }

    DecisionTablePaymentCompatibility(Function<Map<String, Object>, DmnDecisionRuleResult> evaluate) {
        this.evaluate = evaluate;
    }

    @Override
    public boolean allows(String paymentMethod, String carrierCode, boolean enabledForSubscriptions,
                          boolean carrierTakesMethod, boolean firstOrderFree) {
        Map<String, Object> in = new HashMap<>();
        in.put("paymentMethod", paymentMethod);
        in.put("carrierCode", carrierCode);
        in.put("enabledForSubscriptions", enabledForSubscriptions);
        in.put("carrierTakesMethod", carrierTakesMethod);
        in.put("firstOrderFree", firstOrderFree);
        return Boolean.TRUE.equals(evaluate.apply(in).getEntry("allowed"));
    }
}
