package jp.cartflow.mail.outbox;

/**
 * MAIL-4: asked by the outbox right before it sends a forward, so a tool switched off after the forward was
 * queued receives nothing. Implemented by the room that owns the tools' switches (inventory); the mail room
 * does not know about tools.
 */
public interface ForwardingGate {

    /** Whether the inventory tool still takes forwarded mails now. */
    boolean stillForwarding(long inventoryToolId);
}
