package jp.cartflow.subscription.process;

import jp.cartflow.subscription.domain.OrderTermsRules;
import jp.cartflow.subscription.domain.ShopTerms;
import jp.cartflow.platform.engine.DecisionResults;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * SUB-11 and SUB-12 as the analysts' decision tables ({@code SubscriptionPerks}, {@code SubscriptionPoints} in
 * bpmn/), evaluated by the engine's DecisionService (the latest deployed version; results remembered by
 * {@link DecisionResults}). The decision tests evaluate
 * the same files through {@link #DecisionTableOrderTerms(BiFunction)} with a standalone DMN engine.
 */
@Component
class DecisionTableOrderTerms implements OrderTermsRules {

    static final String PERKS = "SubscriptionPerks";
    static final String POINTS = "SubscriptionPoints";

    private final BiFunction<String, Map<String, Object>, DmnDecisionRuleResult> evaluate;

    @Autowired
    DecisionTableOrderTerms(DecisionResults decisions) {
        this(decisions::single);
    }

    DecisionTableOrderTerms(BiFunction<String, Map<String, Object>, DmnDecisionRuleResult> evaluate) {
        this.evaluate = evaluate;
    }

    @Override
    public Charged perks(ShopTerms terms, long shippingFee, long paymentFee) {
        Map<String, Object> in = new HashMap<>();
        in.put("freeShipping", terms.freeShipping());
        in.put("freePaymentFee", terms.freePaymentFee());
        in.put("shippingDiscount", terms.shippingDiscount());
        in.put("shippingFeeBefore", shippingFee);
        in.put("paymentFeeBefore", paymentFee);
        DmnDecisionRuleResult out = evaluate.apply(PERKS, in);
        return new Charged(((Number) out.getEntry("shippingFee")).longValue(),
                ((Number) out.getEntry("paymentFee")).longValue());
    }

    @Override
    public long points(ShopTerms terms, long amount, long pointsUsed) {
        Map<String, Object> in = new HashMap<>();
        in.put("pointsEnabled", terms.pointsEnabled());
        in.put("amount", amount);
        in.put("pointsUsed", pointsUsed);
        in.put("pointsRateYen", terms.pointsRateYen());
        return ((Number) evaluate.apply(POINTS, in).getEntry("points")).longValue();
    }
}
