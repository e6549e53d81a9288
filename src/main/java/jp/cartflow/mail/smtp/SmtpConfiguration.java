package jp.cartflow.mail.smtp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@link SmtpProperties} and exposes the SMTP {@link MailTransport}. Nothing else is wired here. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmtpProperties.class)
class SmtpConfiguration {

    @Bean
    public MailTransport mailTransport(SmtpProperties properties) {
        return new SmtpMailTransport(properties);
    }
}
