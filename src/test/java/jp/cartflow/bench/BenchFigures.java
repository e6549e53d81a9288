package jp.cartflow.bench;

/**
 * What one scenario of the burst benchmark measured.
 *
 * @param lagP50Ms        median time from the moment every generation became due to the order's commit
 * @param peakBacklog     most due timer jobs not yet locked by the job executor, sampled every second
 * @param lockFailures    optimistic-locking failures (job acquisition and execution)
 * @param dbBytesPerSub   growth of the database (runtime + history + our tables) per subscription
 */
public record BenchFigures(String scenario, String description, int subscriptions, double wallSeconds,
                           double ordersPerSecond, long lagP50Ms, long lagP99Ms, long lockFailures,
                           long peakBacklog, long heapUsedMb, long rssMb, long dbBytesPerSub,
                           long orders, long duplicates, long missing, long nextTimersArmed) {
}
