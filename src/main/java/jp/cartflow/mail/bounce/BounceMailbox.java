package jp.cartflow.mail.bounce;

import java.util.Locale;

/**
 * Where a shop's bounce mailbox is read (BNC-1). The seed writes the host in two forms: {@code mail.example.com}
 * (POP3, port 110) and {@code ssl://pop.gmail.com} (POP3 over TLS, port 995).
 *
 * @param host     host name without scheme
 * @param port     TCP port
 * @param ssl      POP3S (TLS from the first byte) rather than plain POP3
 * @param user     login
 * @param password secret; never returned by the API
 */
public record BounceMailbox(String host, int port, boolean ssl, String user, String password) {

    public static final int POP3_PORT = 110;
    public static final int POP3S_PORT = 995;
    private static final String SSL_PREFIX = "ssl://";

    /** The host as the operator writes it: {@code ssl://host} for POP3S. */
    public String hostSetting() {
        return ssl ? SSL_PREFIX + host : host;
    }

    /** Reads the seed form; a {@code :port} suffix or an explicit port overrides the default port. */
    public static Parsed parseHost(String setting, Integer explicitPort) {
        String value = setting.strip();
        boolean ssl = value.toLowerCase(Locale.ROOT).startsWith(SSL_PREFIX);
        String host = ssl ? value.substring(SSL_PREFIX.length()) : value;
        Integer port = explicitPort;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            String digits = host.substring(colon + 1);
            if (!digits.matches("\\d{1,5}")) {
                return null;
            }
            port = port == null ? Integer.valueOf(digits) : port;
            host = host.substring(0, colon);
        }
        if (!host.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")) {
            return null;
        }
        int resolved = port != null ? port : ssl ? POP3S_PORT : POP3_PORT;
        return resolved < 1 || resolved > 65535 ? null : new Parsed(host.toLowerCase(Locale.ROOT), resolved, ssl);
    }

    public record Parsed(String host, int port, boolean ssl) {
    }
}
