package jp.cartflow.testsupport;

import jp.cartflow.payment.GatewayCallListener;
import jp.cartflow.payment.gateway.GatewayOperation;
import jp.cartflow.payment.gateway.GatewayResult;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A crash between a successful gateway call and the commit: once armed, the next answered call of the given
 * operation makes its transaction fail in {@code beforeCommit} — the HTTP call happened, nothing of ours is
 * committed, and the engine will run the job again.
 */
public class CommitFailure implements GatewayCallListener {

    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile GatewayOperation operation;

    public void armFor(GatewayOperation operation) {
        this.operation = operation;
        armed.set(true);
    }

    public void disarm() {
        armed.set(false);
    }

    @Override
    public void answered(long orderId, GatewayOperation op, String idempotencyKey, GatewayResult result) {
        if (op == operation && armed.compareAndSet(true, false)) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new IllegalStateException("simulated crash before commit after " + idempotencyKey);
                }
            });
        }
    }
}
