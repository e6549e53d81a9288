package jp.cartflow.testsupport;

import jp.cartflow.mail.smtp.MailTransport;
import jp.cartflow.mail.smtp.SmtpProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.ZoneId;

/** Beans every integration test shares (one context for all of them). */
@TestConfiguration(proxyBeanMethods = false)
public class IntegrationTestBeans {

    /** The real SMTP transport with an outage switch (see {@link SmtpOutage}). */
    @Bean
    @Primary
    SmtpOutage smtpOutage(SmtpProperties properties) {
        return new SmtpOutage(properties);
    }

    /** The application's clock, settable by tests (system time unless a test sets it; see {@link MutableClock}). */
    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(ZoneId.of("Asia/Tokyo"));
    }

    /** Makes the transaction of the next answered gateway call fail before commit ("charged once"). */
    @Bean
    CommitFailure commitFailure() {
        return new CommitFailure();
    }
}
