package jp.cartflow.platform.tx;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers what a read answered for the rest of the current transaction, so that one request that asks the same
 * question several times (the checkout's checks, each event's listener) makes one round trip. Outside a
 * transaction every call reads. A memo is thread-bound like the transaction; it follows a suspended transaction
 * (a {@code REQUIRES_NEW} inside gets its own) and is dropped when the transaction completes, so nothing outlives
 * it. Writers of what is remembered call {@link #forget()}.
 */
public final class TransactionMemo<K, V> {

    /** The values of one transaction, and the synchronization that drops them. */
    private final class Values implements TransactionSynchronization {
        final Map<K, V> values = new HashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionMemo.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
        }
    }

    /** The value for {@code key}: remembered in this transaction, or {@code read} (and remembered when in one). */
    public V get(K key, Function<K, V> read) {
        Values current = current();
        if (current == null) {
            return read.apply(key);
        }
        if (current.values.containsKey(key)) {
            return current.values.get(key);
        }
        V value = read.apply(key);
        current.values.put(key, value);
        return value;
    }

    /** Forgets what this transaction remembered (after a write of it). */
    public void forget() {
        Values current = current();
        if (current != null) {
            current.values.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Values current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Values bound = (Values) TransactionSynchronizationManager.getResource(this);
        if (bound == null) {
            bound = new Values();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(bound);
        }
        return bound;
    }
}
