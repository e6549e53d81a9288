package jp.cartflow.mail.outbox;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox mail named by the {@code outboxId} variable. Runs as its own job (asyncBefore with a
 * retry cycle in the model): an SMTP outage becomes retries and then an incident; the mail stays queued.
 */
@Component("sendOutboxMailDelegate")
class SendOutboxMailDelegate implements JavaDelegate {

    public static final String OUTBOX_ID = "outboxId";
    private final MailOutbox outbox;

    public SendOutboxMailDelegate(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outbox.send(((Number) execution.getVariable(OUTBOX_ID)).longValue());
    }
}
