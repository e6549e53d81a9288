package jp.cartflow.shipping.process;

import jp.cartflow.mail.bounce.BounceRegistry;
import jp.cartflow.shipping.ShipmentService;
import jp.cartflow.shipping.ShippingNotificationProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/** 宛先のバウンス履歴を確認する (BNC-2): a flagged address makes the operator decide. */
@Component("checkRecipientBounceDelegate")
class CheckRecipientBounceDelegate implements JavaDelegate {

    private final ShipmentService shipments;
    private final Clock clock;

    CheckRecipientBounceDelegate(ShipmentService shipments, Clock clock) {
        this.shipments = shipments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<BounceRegistry.Flag> flag = shipments.recipientBounce(((Number) execution.getVariable(Var.ORDER_ID)).longValue());
        execution.setVariable(Var.RECIPIENT_BOUNCED, flag.isPresent());
        flag.ifPresent(f -> {
            execution.setVariable(Var.RECIPIENT_EMAIL, f.email());
            execution.setVariable(Var.BOUNCE_SUMMARY, f.summary(clock.getZone()));
        });
    }
}
