package jp.cartflow.shipping.process;

import jp.cartflow.platform.engine.ProcessActors;
import jp.cartflow.shipping.ShipmentService;
import jp.cartflow.shipping.ShippingNotificationProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 送信見送りを記録する: the order's audit shows who decided not to mail a bounced address. */
@Component("recordMailWithheldDelegate")
class RecordMailWithheldDelegate implements JavaDelegate {

    private final ShipmentService shipments;

    RecordMailWithheldDelegate(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        shipments.recordMailWithheld(((Number) execution.getVariable(Var.ORDER_ID)).longValue(),
                ProcessActors.of(execution));
    }
}
