package jp.cartflow.inventory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * INV-1: after {@code max-failures} wrong logins in a row for one user id (known or not, so the answer tells
 * nothing), that user id is refused for {@code block} whatever it sends, then gets one try again (a new failure
 * blocks again). In memory, per node: enough to make guessing a password over the network slow.
 */
@Component
class LoginThrottle {

    private record Failures(int count, Instant blockedUntil) {
    }

    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration block;

    LoginThrottle(Clock clock, @Value("${cartflow.inventory.tool-login.max-failures:5}") int maxFailures,
                  @Value("${cartflow.inventory.tool-login.block:PT1M}") Duration block) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.block = block;
    }

    /** How long the user id is still blocked, or empty when it may try. */
    Optional<Duration> blocked(String userId) {
        Failures f = failures.get(key(userId));
        if (f == null || f.blockedUntil() == null || !clock.instant().isBefore(f.blockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(clock.instant(), f.blockedUntil()));
    }

    void failed(String userId) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        failures.compute(key(userId), (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(block) : null);
        });
    }

    void succeeded(String userId) {
        failures.remove(key(userId));
    }

    private static String key(String userId) {
        return userId == null ? "" : userId.toLowerCase(Locale.ROOT);
    }
}
