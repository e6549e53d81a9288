package jp.cartflow.mail.smtp;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Optional;

/**
 * Whether a text can be carried by a mail charset (MAIL-5), shared by the transport (refuses the mail) and
 * template saving (refuses the template).
 *
 * <p><b>ISO-2022-JP</b> means the standard RFC 1468 repertoire: ASCII, JIS X 0201 Roman, JIS X 0208. Refused:
 * <ul>
 *   <li>characters outside JIS X 0208: NEC/IBM extensions such as {@code ①}, {@code ㈱}, {@code Ⅰ},
 *       {@code №}, {@code 髙}, {@code 﨑}; emoji; most other scripts;</li>
 *   <li>half-width katakana U+FF61–U+FF9F ({@code ｶﾀｶﾅ}). The JDK encoder would emit them as
 *       {@code ESC ( I} (JIS X 0201 katakana), which RFC 1468 does not allow and old clients garble.</li>
 * </ul>
 * Not refused: the seven characters where Windows (CP932) and JIS map the <em>same</em> JIS X 0208 code point to
 * different Unicode characters ({@code ― ～ ∥ － ￠ ￡ ￢}, typed by every Windows IME, e.g. {@code 14時～16時}).
 * {@link #toJisMapping(String)} replaces them by their JIS-mapping twins ({@code — 〜 ‖ − ¢ £ ¬}) before
 * encoding, so the bytes on the wire are exactly those a Windows mailer would send; a Java client decodes
 * them as the JIS twin, a Windows client shows the original glyph.
 *
 * <p><b>UTF-8</b> carries every character except unpaired surrogates.
 */
public final class CharsetCheck {

    /** Where a text first fails its charset. {@code line} and {@code column} count from 1 (column in code points). */
    public record Unencodable(int codePoint, int index, int line, int column) {

        public String character() {
            return new String(Character.toChars(codePoint));
        }

        /** e.g. {@code '①' (U+2460) at line 3, column 5}. */
        public String describe() {
            return String.format("'%s' (U+%04X%s) at line %d, column %d", character(), codePoint,
                    Character.getName(codePoint) == null ? "" : " " + Character.getName(codePoint), line, column);
        }
    }

    private CharsetCheck() {
    }

    /**
     * The first character of {@code text} that {@code charset} ({@code UTF-8} or {@code ISO-2022-JP}) cannot
     * carry in a mail, empty when all can.
     */
    public static Optional<Unencodable> firstUnencodable(String text, String charset) {
        String cs = OutgoingMail.canonicalCharset(charset);
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean jis = OutgoingMail.ISO_2022_JP.equals(cs);
        if (!jis && !hasLoneSurrogate(text)) {
            return Optional.empty(); // UTF-8 carries every code point; only a broken surrogate pair cannot go
        }
        String mapped = jis ? toJisMapping(text) : text; // same length: the mapping is 1:1 on BMP chars
        CharsetEncoder encoder = Charset.forName(cs).newEncoder();
        if (!(jis && hasHalfWidthKana(mapped)) && encoder.canEncode(mapped)) {
            return Optional.empty();
        }
        int line = 1;
        int column = 1;
        for (int i = 0; i < mapped.length(); ) {
            int cp = mapped.codePointAt(i);
            int original = text.codePointAt(i);
            int len = Character.charCount(cp);
            boolean ok = !(jis && isHalfWidthKana(cp))
                    && !(Character.isSurrogate(mapped.charAt(i)) && len == 1)
                    && encoder.canEncode(mapped.substring(i, i + len));
            if (!ok) {
                return Optional.of(new Unencodable(original, i, line, column));
            }
            if (cp == '\n' || (cp == '\r' && !(i + 1 < mapped.length() && mapped.charAt(i + 1) == '\n'))) {
                line++;
                column = 1;
            } else if (cp != '\r') {
                column++;
            }
            i += len;
        }
        return Optional.empty(); // whole-string check failed on a stateful edge only: per-char all fine
    }

    /**
     * Replaces the seven CP932-only mappings of JIS X 0208 code points by the JIS mapping the standard
     * ISO-2022-JP encoder knows: U+2015→U+2014, U+FF5E→U+301C, U+2225→U+2016, U+FF0D→U+2212, U+FFE0→U+00A2,
     * U+FFE1→U+00A3, U+FFE2→U+00AC. Length-preserving.
     */
    public static String toJisMapping(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char r = switch (c) {
                case '\u2015' -> '\u2014'; // HORIZONTAL BAR → EM DASH (JIS 0x213D)
                case '\uFF5E' -> '\u301C'; // FULLWIDTH TILDE → WAVE DASH
                case '\u2225' -> '\u2016'; // PARALLEL TO → DOUBLE VERTICAL LINE
                case '\uFF0D' -> '\u2212'; // FULLWIDTH HYPHEN-MINUS → MINUS SIGN
                case '\uFFE0' -> '\u00A2'; // FULLWIDTH CENT SIGN → CENT SIGN
                case '\uFFE1' -> '\u00A3'; // FULLWIDTH POUND SIGN → POUND SIGN
                case '\uFFE2' -> '\u00AC'; // FULLWIDTH NOT SIGN → NOT SIGN
                default -> c;
            };
            if (r != c) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = r;
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHalfWidthKana(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isHalfWidthKana(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHalfWidthKana(int cp) {
        return cp >= 0xFF61 && cp <= 0xFF9F;
    }
}
