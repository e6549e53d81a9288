package jp.cartflow.bench;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Real time shifted by an offset, for our {@link Clock} and the engine's {@link ClockUtil} alike: the benchmark
 * jumps to the morning when every generation is due, and time keeps running from there, so order timestamps
 * measure the real lag.
 */
final class BenchClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private final ZoneId zone;

    BenchClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on, "now" is {@code target} and runs on in real time. */
    void jumpTo(Instant target) {
        offset = Duration.between(Instant.now(), target);
        ClockUtil.offset(offset.toMillis());
    }

    void reset() {
        offset = Duration.ZERO;
        ClockUtil.reset();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same shifted time seen in another zone (the reconciliation timer asks for one). */
    @Override
    public Clock withZone(ZoneId other) {
        BenchClock shifted = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return shifted.withZone(zone);
            }

            @Override
            public Instant instant() {
                return shifted.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
