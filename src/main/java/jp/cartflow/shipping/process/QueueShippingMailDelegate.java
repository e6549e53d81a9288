package jp.cartflow.shipping.process;

import jp.cartflow.platform.engine.ProcessActors;
import jp.cartflow.shipping.ShipmentService;
import jp.cartflow.shipping.ShippingNotificationProcess;
import jp.cartflow.shipping.ShippingNotificationProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 発送完了メールを作成する: renders the template and queues the mail in the outbox. */
@Component("queueShippingMailDelegate")
class QueueShippingMailDelegate implements JavaDelegate {

    private final ShipmentService shipments;

    QueueShippingMailDelegate(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long outboxId = shipments.queueShippingMail(
                ((Number) execution.getVariable(Var.ORDER_ID)).longValue(),
                Boolean.TRUE.equals(execution.getVariable(Var.INCLUDE_SUBSCRIPTION_NO)),
                ProcessActors.of(execution),
                ShippingNotificationProcess.DECISION_SEND.equals(execution.getVariable(Var.BOUNCE_DECISION)));
        execution.setVariable(Var.OUTBOX_ID, outboxId);
    }
}
