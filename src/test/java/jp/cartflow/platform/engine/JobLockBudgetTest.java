package jp.cartflow.platform.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock time must cover the slowest job's remote calls with a margin (docs/operations.md, "Lock time"). */
class JobLockBudgetTest {

    private static Binder binder(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings));
    }

    private static Map<String, String> shipped() {
        Map<String, String> settings = new HashMap<>();
        for (String gateway : new String[]{"zeus", "sbps", "np"}) {
            settings.put("cartflow.payment." + gateway + ".connect-timeout", "3s");
            settings.put("cartflow.payment." + gateway + ".read-timeout", "10s");
        }
        settings.put("cartflow.mail.smtp.connect-timeout", "5s");
        settings.put("cartflow.mail.smtp.read-timeout", "5s");
        return settings;
    }

    @Test
    @DisplayName("the shipped timeouts fit the shipped 60 s lock: gateway 13 s, SMTP 45 s (8 replies)")
    void shippedSettingsFit() {
        JobLockBudget budget = new JobLockBudget(binder(shipped()), 60_000);
        assertThat(budget.gateway("zeus")).isEqualTo(Duration.ofSeconds(13));
        assertThat(budget.smtp()).isEqualTo(Duration.ofSeconds(45));
        assertThat(budget.slowestCall()).isEqualTo(Duration.ofSeconds(45));
        assertThatCode(budget::check).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("a lock shorter than a gateway call (the 10 s lock with a 15 s gateway seen in the field) stops start-up, naming the setting")
    void lockShorterThanACallIsRefused() {
        Map<String, String> settings = shipped();
        settings.put("cartflow.payment.sbps.read-timeout", "15s");
        JobLockBudget budget = new JobLockBudget(binder(settings), 10_000);
        assertThatThrownBy(budget::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lock-time-in-millis (10000 ms)")
                .hasMessageContaining("cartflow.payment.sbps connect + read timeout = 18 s")
                .hasMessageContaining("cartflow.mail.smtp");
    }

    @Test
    @DisplayName("without a lock time the engine's default (5 min) is assumed")
    void engineDefault() {
        assertThat(new JobLockBudget(binder(shipped()), null).lockTime()).isEqualTo(Duration.ofMinutes(5));
    }
}
