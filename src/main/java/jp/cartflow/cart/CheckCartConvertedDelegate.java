package jp.cartflow.cart;

import jp.cartflow.cart.CartAbandonmentProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 注文済みか確かめる: whether the cart has become an order by now (reported, or an order with the cart id). */
@Component("checkCartConvertedDelegate")
class CheckCartConvertedDelegate implements JavaDelegate {

    private final CartAbandonments carts;

    CheckCartConvertedDelegate(CartAbandonments carts) {
        this.carts = carts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(Var.CONVERTED, carts.isConverted(((Number) execution.getVariable(Var.ABANDONMENT_ID)).longValue()));
    }
}
