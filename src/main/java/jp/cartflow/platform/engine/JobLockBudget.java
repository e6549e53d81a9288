package jp.cartflow.platform.engine;

import org.springframework.boot.context.properties.bind.Binder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The job lock time against the longest a job's remote call may take (docs/operations.md, "Lock time"). A job
 * makes at most one gateway call (connect + read timeout) or sends one mail (connect timeout + one read timeout
 * per SMTP command of a send). If the lock ran out first, another node would run the job again while the first
 * is still waiting for the answer; so the application refuses to start when the slowest call is more than
 * {@value #SHARE_PERCENT} % of the lock time.
 */
final class JobLockBudget {

    /** Replies read in one SMTP send: greeting, EHLO, STARTTLS + EHLO, AUTH, MAIL, RCPT, DATA, end of data. */
    static final int SMTP_REPLIES = 8;
    static final int SHARE_PERCENT = 80;
    private static final List<String> GATEWAYS = List.of("zeus", "sbps", "np");

    private final Binder binder;
    private final Duration lockTime;

    JobLockBudget(Binder binder, Integer lockTimeMillis) {
        this.binder = binder;
        this.lockTime = Duration.ofMillis(lockTimeMillis == null ? 300_000 : lockTimeMillis);
    }

    Duration lockTime() {
        return lockTime;
    }

    /** The slowest single job's calls, with what it is made of. */
    Duration slowestCall() {
        Duration slowest = smtp();
        for (String gateway : GATEWAYS) {
            Duration call = gateway(gateway);
            if (call.compareTo(slowest) > 0) {
                slowest = call;
            }
        }
        return slowest;
    }

    Duration gateway(String gateway) {
        String prefix = "cartflow.payment." + gateway + ".";
        return duration(prefix + "connect-timeout", "5s").plus(duration(prefix + "read-timeout", "20s"));
    }

    Duration smtp() {
        return duration("cartflow.mail.smtp.connect-timeout", "10s")
                .plus(duration("cartflow.mail.smtp.read-timeout", "30s").multipliedBy(SMTP_REPLIES));
    }

    void check() {
        List<String> over = new ArrayList<>();
        Duration limit = lockTime.multipliedBy(SHARE_PERCENT).dividedBy(100);
        for (String gateway : GATEWAYS) {
            if (gateway(gateway).compareTo(limit) > 0) {
                over.add("cartflow.payment." + gateway + " connect + read timeout = " + gateway(gateway).toSeconds() + " s");
            }
        }
        if (smtp().compareTo(limit) > 0) {
            over.add("cartflow.mail.smtp connect + " + SMTP_REPLIES + " × read timeout = " + smtp().toSeconds() + " s");
        }
        if (!over.isEmpty()) {
            throw new IllegalStateException("camunda.bpm.job-execution.lock-time-in-millis (" + lockTime.toMillis()
                    + " ms) must exceed the slowest job's remote calls by a margin (they may use at most "
                    + SHARE_PERCENT + " % of it): " + String.join("; ", over)
                    + ". Lower the timeouts or raise the lock time (docs/operations.md, \"Lock time\").");
        }
    }

    private Duration duration(String key, String fallback) {
        return binder.bind(key, Duration.class).orElseGet(() -> Duration.parse("PT" + fallback.toUpperCase()));
    }
}
