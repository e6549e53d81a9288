package jp.cartflow.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Beans every integration test context gets (imported by {@link PostgresIntegrationTest}, so all its
 * subclasses still share one context).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    /** Bean name that expressions in the CVE tests try to call: {@code ${cveProbe.touch()}}. */
    public static final String CVE_PROBE = "cveProbe";

    @Bean(CVE_PROBE)
    CveProbe cveProbe() {
        return new CveProbe();
    }

    /**
     * A bean an injected expression would reach: counts every call, so a test can prove that an
     * expression was never evaluated.
     */
    public static class CveProbe {
        private final AtomicInteger calls = new AtomicInteger();

        public String touch() {
            calls.incrementAndGet();
            return "touched";
        }

        public int calls() {
            return calls.get();
        }

        /** For the one test that proves the probe is reachable from an expression at all. */
        public void reset() {
            calls.set(0);
        }
    }
}
