package jp.cartflow.inventory;

import jp.cartflow.mail.outbox.ForwardingGate;
import org.springframework.stereotype.Component;

/** MAIL-4: the outbox asks here, at dispatch, whether a tool still takes forwarded mails. */
@Component
class ToolForwardingGate implements ForwardingGate {

    private final InventoryTools tools;

    ToolForwardingGate(InventoryTools tools) {
        this.tools = tools;
    }

    @Override
    public boolean stillForwarding(long inventoryToolId) {
        return tools.stillForwarding(inventoryToolId);
    }
}
