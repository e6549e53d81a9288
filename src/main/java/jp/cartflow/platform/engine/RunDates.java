package jp.cartflow.platform.engine;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The business date (Asia/Tokyo) a scheduled run belongs to, for processes started by a timer, which
 * have no business key of their own: {@code ${execution.setProcessBusinessKey(runDates.today())}}.
 */
@Component("runDates")
public class RunDates {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final Clock clock;

    RunDates(Clock clock) {
        this.clock = clock;
    }

    /** e.g. 2026-12-01 */
    public String today() {
        return LocalDate.now(clock.withZone(TOKYO)).toString();
    }
}
