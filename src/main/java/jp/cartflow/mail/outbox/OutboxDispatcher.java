package jp.cartflow.mail.outbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends the outbox mails that no process step owns (forwards, notices), with backoff on failure. */
@Component
@ConditionalOnProperty(prefix = "cartflow.mail.dispatcher", name = "enabled", havingValue = "true", matchIfMissing = true)
class OutboxDispatcher {

    private final MailOutbox outbox;

    OutboxDispatcher(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "${cartflow.mail.dispatcher.interval:PT5S}")
    void dispatch() {
        outbox.dispatchDue(100);
    }
}
