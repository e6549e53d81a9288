package jp.cartflow.payment.reconciliation;

/** The port to PaymentStatusReconciliationProcess (the engine stays behind it). */
public interface ReconciliationRuns {

    /** Starts a reconciliation run now; returns the instance id. */
    String startRun();
}
