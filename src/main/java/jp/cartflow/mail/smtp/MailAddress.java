package jp.cartflow.mail.smtp;

import java.util.Objects;

/**
 * A mailbox: address plus optional display name (may be Japanese, e.g. {@code カートフロー商店}; it is
 * RFC 2047-encoded in the mail's charset when sent).
 *
 * <p>The address is deliberately <em>not</em> validated strictly: legacy Japanese mobile addresses such as
 * {@code taro..yamada.@docomo.ne.jp} break RFC 5322 but are real and deliverable; the SMTP server decides.
 * Only what would corrupt the header or the SMTP command is refused (line breaks, angle brackets,
 * whitespace, missing {@code @}).
 */
public record MailAddress(String address, String displayName) {

    public MailAddress {
        Objects.requireNonNull(address, "address");
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not a mail address: " + address);
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == ',' || c >= 0x7f) {
                throw new IllegalArgumentException("illegal character in mail address: " + address);
            }
        }
        if (displayName != null) {
            if (displayName.isBlank()) {
                displayName = null;
            } else if (displayName.indexOf('\r') >= 0 || displayName.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("line break in display name");
            }
        }
    }

    public static MailAddress of(String address) {
        return new MailAddress(address, null);
    }

    public static MailAddress of(String address, String displayName) {
        return new MailAddress(address, displayName);
    }
}
