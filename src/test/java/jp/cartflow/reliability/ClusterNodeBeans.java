package jp.cartflow.reliability;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Beans of a cluster node started by a test. Not a {@code @Configuration}: component scanning would put it into
 * every test context; the nodes register it as a source of their applications.
 */
class ClusterNodeBeans {

    @Bean
    @Primary
    Clock shiftedClock(@Value("${" + ShiftedClock.OFFSET + ":0}") long offsetMillis) {
        return new ShiftedClock(offsetMillis, ZoneId.of("Asia/Tokyo"));
    }
}
