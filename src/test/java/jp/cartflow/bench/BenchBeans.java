package jp.cartflow.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.ZoneId;

@Configuration(proxyBeanMethods = false)
class BenchBeans {

    static final BenchClock CLOCK = new BenchClock(ZoneId.of("Asia/Tokyo"));

    @Bean
    @Primary
    BenchClock benchClock() {
        return CLOCK;
    }
}
