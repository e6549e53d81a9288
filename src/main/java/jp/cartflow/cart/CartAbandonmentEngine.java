package jp.cartflow.cart;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.util.Date;

/** The engine behind cart abandonment (bpmn/CartAbandonmentProcess.bpmn); business key = the cart id. */
@Component
class CartAbandonmentEngine {

    static final String KEY = "CartAbandonmentProcess";
    static final String MESSAGE_CONVERTED = "CartConverted";
    static final String TIMER_DELAY = "TimerEvent_DelayPassed";

    private final RuntimeService runtime;

    CartAbandonmentEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    void start(CartAbandonments.Abandonment a) {
        runtime.startProcessInstanceByKey(KEY, a.cartId(), Variables.createVariables()
                .putValue("abandonmentId", a.id()).putValue("remindAt", Date.from(a.remindAt())));
    }

    /** Ends a waiting process; one that is past the wait finds the conversion itself. */
    void converted(CartAbandonments.Abandonment a) {
        runtime.createMessageCorrelation(MESSAGE_CONVERTED).processInstanceBusinessKey(a.cartId())
                .correlateAllWithResult();
    }
}
