package jp.cartflow.mail.smtp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Connection settings of the outgoing SMTP server ({@code cartflow.mail.smtp.*}).
 *
 * @param host            SMTP server host (required)
 * @param port            SMTP port; default 25 (587 for submission with STARTTLS, 465 for implicit TLS)
 * @param username        login user; {@code null} or blank = no SMTP AUTH
 * @param password        login password; only used when {@code username} is set
 * @param startTls        upgrade the connection with STARTTLS; when true, STARTTLS is <em>required</em>
 *                        (no silent fallback to plain text)
 * @param ssl             implicit TLS from the first byte (port 465); exclusive with {@code startTls}
 * @param connectTimeout  TCP connect timeout ({@code mail.smtp.connectiontimeout}); default 10s
 * @param readTimeout     socket read and write timeout ({@code mail.smtp.timeout},
 *                        {@code mail.smtp.writetimeout}); default 30s
 * @param heloDomain      name sent in EHLO/HELO ({@code mail.smtp.localhost}); {@code null} = the JVM's
 *                        host name
 * @param messageIdDomain right-hand side of the Message-IDs we generate ({@link MessageIds}); default
 *                        {@code cartflow.local}
 */
@ConfigurationProperties(prefix = "cartflow.mail.smtp")
public record SmtpProperties(
        String host,
        @DefaultValue("25") int port,
        String username,
        String password,
        @DefaultValue("false") boolean startTls,
        @DefaultValue("false") boolean ssl,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration readTimeout,
        String heloDomain,
        @DefaultValue("cartflow.local") String messageIdDomain) {

    public SmtpProperties {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("cartflow.mail.smtp.host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("cartflow.mail.smtp.port out of range: " + port);
        }
        if (startTls && ssl) {
            throw new IllegalArgumentException(
                    "cartflow.mail.smtp.start-tls and cartflow.mail.smtp.ssl are exclusive");
        }
        if (connectTimeout == null) {
            connectTimeout = Duration.ofSeconds(10);
        }
        if (readTimeout == null) {
            readTimeout = Duration.ofSeconds(30);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("SMTP timeouts must be positive (0 would mean: wait forever)");
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
        if (heloDomain != null && heloDomain.isBlank()) {
            heloDomain = null;
        }
        if (messageIdDomain == null || messageIdDomain.isBlank()) {
            messageIdDomain = "cartflow.local";
        }
    }

    /** True when SMTP AUTH is used. */
    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "null" : "****") + ", startTls=" + startTls
                + ", ssl=" + ssl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", heloDomain=" + heloDomain + ", messageIdDomain=" + messageIdDomain + "]";
    }
}
