package jp.cartflow.payment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Payment settings the processes read by name ({@code ${paymentSettings.reconciliationCycle}} in the timer of
 * PaymentStatusReconciliationProcess, {@code ${paymentSettings.screeningPollInterval}} in
 * CreditAuthorizationProcess). A timer start event's cycle is evaluated when the process is deployed, so a
 * changed cycle takes effect at the next start of the application.
 */
@Component("paymentSettings")
public class PaymentSettings {

    private final String reconciliationCycle;
    private final String screeningPollInterval;
    private final String supportAddress;
    private final java.time.Duration reconciliationLookback;

    PaymentSettings(@Value("${cartflow.payment.reconciliation-cycle:R/2026-01-01T02:00:00+09:00/PT24H}") String reconciliationCycle,
                    @Value("${cartflow.payment.np.poll-interval:PT1H}") String screeningPollInterval,
                    @Value("${cartflow.payment.support-address:}") String supportAddress,
                    @Value("${cartflow.payment.reconciliation-lookback:P60D}") java.time.Duration reconciliationLookback) {
        this.reconciliationLookback = reconciliationLookback;
        this.reconciliationCycle = reconciliationCycle;
        this.screeningPollInterval = screeningPollInterval;
        this.supportAddress = supportAddress;
    }

    /** ISO-8601 repeating interval of the reconciliation run; default nightly at 02:00 Tokyo time. */
    public String getReconciliationCycle() {
        return reconciliationCycle;
    }

    /** ISO-8601 duration between two polls of a pending NP screening (PAY-3); default one hour. */
    public String getScreeningPollInterval() {
        return screeningPollInterval;
    }

    /**
     * How far back reconciliation also compares card orders that hold no money on our side (unpaid, declined,
     * cancelled) but had a gateway call: default 60 days.
     */
    public java.time.Duration reconciliationLookback() {
        return reconciliationLookback;
    }

    /** Where "report to support" (PAY-2) mails go; blank = the shop's own address. */
    public String supportAddress() {
        return supportAddress;
    }
}
