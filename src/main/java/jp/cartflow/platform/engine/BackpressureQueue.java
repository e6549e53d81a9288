package jp.cartflow.platform.engine;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The job executor's work queue. {@link java.util.concurrent.ThreadPoolExecutor#execute} calls
 * {@link #offer(Object)}, which here waits (up to {@code wait}) for a free slot instead of failing at once. The
 * acquisition thread hands over its batch only as fast as the threads take jobs, so it does not acquire the next
 * batch while the queue is full: no rejected executions, no jobs locked and handed back. After {@code wait} the
 * offer fails as before and the engine's rejected-jobs handler takes over.
 */
final class BackpressureQueue extends LinkedBlockingQueue<Runnable> {

    private final long waitNanos;

    BackpressureQueue(int capacity, Duration wait) {
        super(Math.max(1, capacity));
        this.waitNanos = wait.toNanos();
    }

    @Override
    public boolean offer(Runnable task) {
        try {
            return super.offer(task, waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
