package jp.cartflow.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SmtpConfigurationTest {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(SmtpConfiguration.class);

    @Test
    @DisplayName("cartflow.mail.smtp.* binds with defaults and yields an SmtpMailTransport")
    void bindsDefaults() {
        runner.withPropertyValues("cartflow.mail.smtp.host=smtp.example.jp").run(ctx -> {
            SmtpProperties p = ctx.getBean(SmtpProperties.class);
            assertThat(p.port()).isEqualTo(25);
            assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(p.readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.messageIdDomain()).isEqualTo("cartflow.local");
            assertThat(p.authenticates()).isFalse();
            assertThat(ctx.getBean(MailTransport.class)).isInstanceOf(SmtpMailTransport.class);
        });
    }

    @Test
    @DisplayName("explicit settings reach the Jakarta Mail session (timeouts, STARTTLS required, AUTH, EHLO name)")
    void sessionProperties() {
        runner.withPropertyValues("cartflow.mail.smtp.host=smtp.example.jp", "cartflow.mail.smtp.port=587",
                "cartflow.mail.smtp.username=shop", "cartflow.mail.smtp.password=secret",
                "cartflow.mail.smtp.start-tls=true", "cartflow.mail.smtp.connect-timeout=3s",
                "cartflow.mail.smtp.read-timeout=20s", "cartflow.mail.smtp.helo-domain=mx.shop.example.jp",
                "cartflow.mail.smtp.message-id-domain=shop.example.jp").run(ctx -> {
            SmtpProperties p = ctx.getBean(SmtpProperties.class);
            assertThat(p.toString()).doesNotContain("secret");
            Properties s = SmtpMailTransport.sessionProperties(p);
            assertThat(s.getProperty("mail.smtp.port")).isEqualTo("587");
            assertThat(s.getProperty("mail.smtp.connectiontimeout")).isEqualTo("3000");
            assertThat(s.getProperty("mail.smtp.timeout")).isEqualTo("20000");
            assertThat(s.getProperty("mail.smtp.writetimeout")).isEqualTo("20000");
            assertThat(s.getProperty("mail.smtp.auth")).isEqualTo("true");
            assertThat(s.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
            assertThat(s.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
            assertThat(s.getProperty("mail.smtp.localhost")).isEqualTo("mx.shop.example.jp");
            assertThat(p.messageIdDomain()).isEqualTo("shop.example.jp");
        });
    }

    @Test
    @DisplayName("a missing host or STARTTLS together with SSL fails at startup")
    void invalidSettingsFailFast() {
        runner.run(ctx -> assertThat(ctx).hasFailed());
        runner.withPropertyValues("cartflow.mail.smtp.host=smtp.example.jp", "cartflow.mail.smtp.start-tls=true",
                "cartflow.mail.smtp.ssl=true").run(ctx -> assertThat(ctx).hasFailed());
    }
}
