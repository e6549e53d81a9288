package jp.cartflow.mail.bounce;

import jp.cartflow.platform.errors.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;
import java.util.Optional;

/**
 * A shop's bounce settings (BNC-1, BNC-4): the mailbox, the envelope sender, how often it is read, and when soft
 * bounces flag. Stored in {@code bounce_mailbox}, one row per shop, written by this package only. A shop without a
 * row has no mailbox; its envelope sender is then {@code cartflow.shop.bounce-address} when that is set.
 * <p>
 * 送信エラー受付メールアドレス (the envelope sender) must be the mailbox that is read, otherwise bounces go
 * where nobody reads them. When the POP3 login is a mail address (Gmail, most providers) the envelope sender is
 * that address and a different one is refused. Some providers log in with an account name that is not an
 * address; then the envelope sender is given explicitly and cannot be checked against the login.
 */
@Service
public class BounceSettings {

    public static final int DEFAULT_POLL_MINUTES = 10;

    public static final int DEFAULT_SOFT_THRESHOLD = 3;
    public static final int DEFAULT_SOFT_WINDOW_DAYS = 14;

    private final JdbcClient jdbc;
    private final String configuredSender;

    public BounceSettings(JdbcClient jdbc, @Value("${cartflow.shop.bounce-address:}") String configuredSender) {
        this.jdbc = jdbc;
        this.configuredSender = configuredSender == null || configuredSender.isBlank() ? null : configuredSender.strip();
    }

    /** BNC-1: the envelope sender of every mail of the shop (the bounce mailbox), empty when none is set. */
    public Optional<String> envelopeSender(long shopId) {
        return Optional.ofNullable(load(shopId).envelopeSender());
    }

    /** Stored settings; {@code mailbox} is empty until a host is set. */
    public record Settings(Optional<BounceMailbox> mailbox, String envelopeSender, int pollMinutes,
                           int softThreshold, int softWindowDays) {
    }

    /** A change from the API; null fields keep their value (the password in particular). */
    public record Change(String host, Integer port, String user, String password, String envelopeSender,
                         Integer pollMinutes, Integer softThreshold, Integer softWindowDays) {
    }

    public Settings load(long shopId) {
        return jdbc.sql("""
                SELECT pop3_host, pop3_port, pop3_ssl, pop3_user, pop3_password, envelope_sender, poll_minutes,
                       soft_threshold, soft_window_days FROM bounce_mailbox WHERE shop_id = :id""")
                .param("id", shopId)
                .query((rs, n) -> {
                    String host = rs.getString(1);
                    Optional<BounceMailbox> mailbox = host == null || host.isBlank() ? Optional.empty()
                            : Optional.of(new BounceMailbox(host, rs.getObject(2) == null
                            ? (rs.getBoolean(3) ? BounceMailbox.POP3S_PORT : BounceMailbox.POP3_PORT) : rs.getInt(2),
                            rs.getBoolean(3), rs.getString(4), rs.getString(5)));
                    String sender = rs.getString(6);
                    return new Settings(mailbox, sender != null ? sender : configuredSender, rs.getInt(7),
                            rs.getInt(8), rs.getInt(9));
                })
                .optional()
                .orElseGet(() -> new Settings(Optional.empty(), configuredSender, DEFAULT_POLL_MINUTES,
                        DEFAULT_SOFT_THRESHOLD, DEFAULT_SOFT_WINDOW_DAYS));
    }

    @Transactional
    public Settings update(long shopId, Change change) {
        Settings current = load(shopId);
        String host = current.mailbox().map(BounceMailbox::hostSetting).orElse(null);
        Integer port = current.mailbox().map(BounceMailbox::port).orElse(null);
        if (change.host() != null) {
            host = change.host();
            port = change.port();
        } else if (change.port() != null) {
            port = change.port();
        }
        if (host == null || host.isBlank()) {
            throw DomainException.invalid("host", "POP3 サーバーを指定してください (例: mail.example.com, ssl://pop.gmail.com)");
        }
        BounceMailbox.Parsed parsed = BounceMailbox.parseHost(host, change.host() != null ? change.port() : port);
        if (parsed == null) {
            throw DomainException.invalid("host", "POP3 サーバーの書き方が正しくありません: " + host);
        }
        String user = change.user() != null ? change.user().strip() : current.mailbox().map(BounceMailbox::user).orElse(null);
        if (user == null || user.isBlank() || user.length() > 255) {
            throw DomainException.invalid("user", "POP3 ユーザーを指定してください");
        }
        String password = change.password() != null ? change.password()
                : current.mailbox().map(BounceMailbox::password).orElse(null);
        if (password == null || password.isEmpty() || password.length() > 255) {
            throw DomainException.invalid("password", "POP3 パスワードを指定してください");
        }
        String sender = change.envelopeSender() != null ? change.envelopeSender().strip() : null;
        if (user.contains("@")) {
            if (sender != null && !sender.equalsIgnoreCase(user)) {
                throw DomainException.rule("BNC-1", "envelopeSender",
                        "送信エラー受付メールアドレスは POP3 ユーザー (" + user + ") と同じにしてください");
            }
            sender = user;
        } else if (sender == null) {
            sender = current.envelopeSender();
        }
        if (sender == null || !sender.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || sender.length() > 255) {
            throw DomainException.invalid("envelopeSender", "送信エラー受付メールアドレスを指定してください");
        }
        int poll = range(change.pollMinutes(), current.pollMinutes(), 1, 1440, "pollMinutes");
        int threshold = range(change.softThreshold(), current.softThreshold(), 1, 100, "softThreshold");
        int window = range(change.softWindowDays(), current.softWindowDays(), 1, 365, "softWindowDays");
        int updated = jdbc.sql("""
                UPDATE bounce_mailbox SET pop3_host = :host, pop3_port = :port, pop3_ssl = :ssl, pop3_user = :user,
                       pop3_password = :password, envelope_sender = :sender, poll_minutes = :poll,
                       soft_threshold = :threshold, soft_window_days = :window, updated_at = CURRENT_TIMESTAMP
                WHERE shop_id = :id""")
                .param("host", parsed.host()).param("port", parsed.port()).param("ssl", parsed.ssl())
                .param("user", user).param("password", password).param("sender", sender.toLowerCase(Locale.ROOT))
                .param("poll", poll).param("threshold", threshold).param("window", window).param("id", shopId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO bounce_mailbox (shop_id, pop3_host, pop3_port, pop3_ssl, pop3_user, pop3_password,
                                                envelope_sender, poll_minutes, soft_threshold, soft_window_days)
                    VALUES (:id, :host, :port, :ssl, :user, :password, :sender, :poll, :threshold, :window)""")
                    .param("host", parsed.host()).param("port", parsed.port()).param("ssl", parsed.ssl())
                    .param("user", user).param("password", password).param("sender", sender.toLowerCase(Locale.ROOT))
                    .param("poll", poll).param("threshold", threshold).param("window", window).param("id", shopId)
                    .update();
        }
        return load(shopId);
    }

    private static int range(Integer value, int current, int min, int max, String field) {
        int v = value == null ? current : value;
        if (v < min || v > max) {
            throw DomainException.invalid(field, "%d から %d の範囲で指定してください".formatted(min, max));
        }
        return v;
    }
}
