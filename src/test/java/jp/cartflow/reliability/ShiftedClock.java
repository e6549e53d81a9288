package jp.cartflow.reliability;

import org.camunda.bpm.engine.impl.util.ClockUtil;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Real time moved by a fixed offset, for our {@link Clock} and the engine's {@link ClockUtil}. The offset is a
 * number of milliseconds handed to every node, so two JVMs share one "now" (a morning when subscriptions are due).
 */
final class ShiftedClock extends Clock {

    static final String OFFSET = "cartflow.test.clock-offset-millis";

    private final long offsetMillis;
    private final ZoneId zone;

    ShiftedClock(long offsetMillis, ZoneId zone) {
        this.offsetMillis = offsetMillis;
        this.zone = zone;
        ClockUtil.offset(offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ShiftedClock(offsetMillis, zone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis);
    }
}
