package jp.cartflow.mail.bounce.parse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** UTF-7 (RFC 2152), which older Outlook notices still declare and the JDK does not ship. */
final class Utf7 {

    private Utf7() {
    }

    static String decode(byte[] bytes) {
        String ascii = new String(bytes, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder(ascii.length());
        int i = 0;
        while (i < ascii.length()) {
            char c = ascii.charAt(i);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < ascii.length() && isBase64(ascii.charAt(end))) {
                end++;
            }
            if (end == i + 1) {
                out.append('+'); // "+-" is a literal plus
            } else {
                String run = ascii.substring(i + 1, end);
                byte[] utf16 = Base64.getDecoder().decode(run.substring(0, run.length() - run.length() % 4)
                        + pad(run.substring(run.length() - run.length() % 4)));
                out.append(new String(utf16, 0, utf16.length - utf16.length % 2, StandardCharsets.UTF_16BE));
            }
            i = end < ascii.length() && ascii.charAt(end) == '-' ? end + 1 : end;
        }
        return out.toString();
    }

    private static String pad(String tail) {
        return switch (tail.length()) {
            case 0 -> "";
            case 2 -> tail + "==";
            case 3 -> tail + "=";
            default -> ""; // a single leftover character carries no full byte
        };
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
    }
}
