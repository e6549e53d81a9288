package jp.cartflow.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.ZoneId;

/**
 * The benchmark's beans. Deliberately not a {@code @Configuration}: component scanning would put it into every
 * test context; the benchmark registers it as a source of its own applications.
 */
class BenchBeans {

    static final BenchClock CLOCK = new BenchClock(ZoneId.of("Asia/Tokyo"));

    @Bean
    @Primary
    BenchClock benchClock() {
        return CLOCK;
    }
}
