package jp.cartflow.inventory;

import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.order.events.OrderConfirmationQueued;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * MAIL-4: every order confirmation goes, unchanged, to each inventory tool whose forwarding is on; TEMPOSTAR or
 * zaikoRobot parse it to move their stock. A tool switched off gets nothing, and nothing is queued for it
 * (queued mails would be imported and billed in a burst when the tool comes back). Runs in the transaction
 * that queued the confirmation.
 */
@Component
class ConfirmationForwarding {

    private final InventoryTools tools;
    private final MailOutbox outbox;

    ConfirmationForwarding(InventoryTools tools, MailOutbox outbox) {
        this.tools = tools;
        this.outbox = outbox;
    }

    @EventListener
    void confirmationQueued(OrderConfirmationQueued queued) {
        for (InventoryTools.Tool tool : tools.forwardingEnabled(queued.shopId())) {
            outbox.forward(queued.outboxId(), tool.intakeAddress(), tool.id());
        }
    }
}
