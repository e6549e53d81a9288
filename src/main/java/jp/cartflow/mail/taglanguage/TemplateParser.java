package jp.cartflow.mail.taglanguage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates and parses a template (MAIL-1, SUB-29). Every error is collected — not just the first — with
 * line, column and the offending text, so the shop operator can fix the template before saving it.
 *
 * <p>Comment-tag dialect: {@code <!--{name}-->}, {@code <!--{name|date_format:'%Y年%m月%d日'}-->},
 * {@code <!--{orderAttribute id=90}-->}, blocks {@code <sectionOrderItem>…</sectionOrderItem>} and
 * {@code <sectionShipping>…</sectionShipping>} (not nested). Only real HTML comment dashes are tags; the
 * typographic {@code <!–{…}–>} seen on copied web pages is reported, not silently left as text.
 * A block tag alone on its line takes its line break with it, so repeated blocks do not add blank lines.
 *
 * <p>Bracket dialect: {@code [MEMBER_NAME]} etc. from {@link BracketTag}; any other {@code [UPPER_CASE]} token
 * and any comment tag is an error; other brackets ({@code [重要]}, {@code [a]}) are text.
 *
 * <p>Subjects are one line: a line break or a block there is {@link ErrorKind#NOT_ALLOWED_IN_SUBJECT}.
 */
final class TemplateParser {

    private static final String DASHES = "[\\u2010-\\u2015\\u2212\\u30FC\\uFF0D]";
    private static final Pattern COMMENT_TOKENS = Pattern.compile(
            "<!--\\{([^\\n]*?)\\}-->"                                          // 1: tag content
                    + "|(<!--\\{)"                                             // 2: tag never closed on its line
                    + "|<(/?)(section[A-Z][A-Za-z0-9_]*)>"                     // 3: end slash, 4: block name
                    + "|(<!-?" + DASHES + "-?\\{[^\\n]*?\\}-?" + DASHES + "-?>)"); // 5: typographic dashes
    private static final Pattern BRACKET_TOKENS = Pattern.compile(
            "\\[([A-Z][A-Z0-9_]*)\\]|(<!--\\{[^\\n]*?\\}-->)");
    private static final Pattern HEAD = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\s+id\\s*=\\s*(\\S*))?");
    private static final Pattern DATE_FORMAT = Pattern.compile("date_format\\s*:\\s*(['\"])(.*)\\1", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE_ID = Pattern.compile("[1-9][0-9]{0,8}");

    private TemplateParser() {
    }

    /** Parses a body. @throws TemplateValidationException with every error found */
    public static ParsedTemplate parse(String source, Dialect dialect) {
        return parse(source, dialect, TemplatePart.BODY);
    }

    /** Parses a one-line subject. @throws TemplateValidationException with every error found */
    public static ParsedTemplate parseSubject(String source, Dialect dialect) {
        return parse(source, dialect, TemplatePart.SUBJECT);
    }

    /** Parses a subject or body. @throws TemplateValidationException with every error found */
    public static ParsedTemplate parse(String source, Dialect dialect, TemplatePart part) {
        Run run = new Run(source == null ? "" : source, dialect, part);
        List<Node> nodes = run.parse();
        if (!run.errors.isEmpty()) {
            throw new TemplateValidationException(run.errors);
        }
        return new ParsedTemplate(run.src, dialect, part, nodes);
    }

    /** The errors of a subject or body; empty when it is valid. Never throws. */
    public static List<TemplateError> validate(String source, Dialect dialect, TemplatePart part) {
        Run run = new Run(source == null ? "" : source, dialect, part);
        run.parse();
        return List.copyOf(run.errors);
    }

    /** One parse: state for a single source text. */
    private static final class Run {
        private final String src;
        private final Dialect dialect;
        private final TemplatePart part;
        private final int[] lineStarts;
        private final List<TemplateError> errors = new ArrayList<>();

        private final List<Node> top = new ArrayList<>();
        private List<Node> current = top;
        private TagScope open = TagScope.GENERAL;
        private String openTag;
        private int openOffset;
        private final Deque<TagScope> ignoredNested = new ArrayDeque<>();

        Run(String src, Dialect dialect, TemplatePart part) {
            this.src = src;
            this.dialect = dialect;
            this.part = part;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        List<Node> parse() {
            if (part == TemplatePart.SUBJECT) {
                int lineBreak = indexOfLineBreak();
                if (lineBreak >= 0) {
                    error(lineBreak, "\\n", ErrorKind.NOT_ALLOWED_IN_SUBJECT,
                            "件名に改行は使えません(件名は1行です)", "a subject is one line; line breaks are not allowed");
                }
            }
            Matcher m = (dialect == Dialect.BRACKET ? BRACKET_TOKENS : COMMENT_TOKENS).matcher(src);
            int last = 0;
            while (m.find()) {
                text(last, m.start());
                last = m.end();
                if (dialect == Dialect.BRACKET) {
                    bracket(m);
                } else if (m.group(1) != null) {
                    tag(m.group(), m.group(1), m.start());
                } else if (m.group(2) != null) {
                    error(m.start(), m.group(), ErrorKind.UNKNOWN_TAG,
                            "タグが閉じられていません(同じ行に }--> がありません)", "tag not closed: no }--> on the same line");
                } else if (m.group(4) != null) {
                    boolean standalone = block(m.group(), m.group(3).isEmpty(), m.group(4), m.start());
                    if (standalone) {
                        last = skipLineBreakOfStandaloneTag(m.start(), m.end());
                    }
                } else {
                    error(m.start(), m.group(), ErrorKind.UNKNOWN_TAG,
                            "タグの「--」が全角ダッシュになっています。<!--{…}--> と半角で書いてください",
                            "typographic dashes: write the tag as <!--{…}--> with ASCII hyphens");
                }
            }
            text(last, src.length());
            if (open != TagScope.GENERAL) {
                error(openOffset, openTag, ErrorKind.UNCLOSED_BLOCK,
                        "<" + open.blockName() + "> が閉じられていません(</" + open.blockName() + "> がありません)",
                        "<" + open.blockName() + "> is never closed with </" + open.blockName() + ">");
                closeBlock();
            }
            return List.copyOf(top);
        }

        private int indexOfLineBreak() {
            for (int i = 0; i < src.length(); i++) {
                if (src.charAt(i) == '\n' || src.charAt(i) == '\r') {
                    return i;
                }
            }
            return -1;
        }

        private void text(int from, int to) {
            if (to > from) {
                current.add(new Node.Text(src.substring(from, to)));
            }
        }

        private void bracket(Matcher m) {
            if (m.group(2) != null) {
                error(m.start(), m.group(), ErrorKind.UNKNOWN_TAG,
                        "このテンプレートでは <!--{…}--> タグは使えません。[MEMBER_NAME] などの角括弧タグを使ってください",
                        "comment tags are not available in this template; use bracket tags such as [MEMBER_NAME]");
                return;
            }
            Optional<BracketTag> tag = BracketTag.find(m.group(1));
            if (tag.isEmpty()) {
                error(m.start(), m.group(), ErrorKind.UNKNOWN_TAG,
                        "不明なタグ " + m.group() + " です", "unknown tag " + m.group());
                return;
            }
            current.add(new Node.Bracket(tag.get()));
        }

        /** Returns whether the block tag was alone on its line (and accepted), so its line break can go. */
        private boolean block(String text, boolean isStart, String name, int offset) {
            Optional<TagScope> scope = TagScope.ofBlockName(name);
            if (scope.isEmpty()) {
                error(offset, text, ErrorKind.UNKNOWN_TAG, "不明なブロック " + text + " です(使えるのは <sectionOrderItem> と <sectionShipping>)",
                        "unknown block " + text + " (blocks are <sectionOrderItem> and <sectionShipping>)");
                return false;
            }
            if (part == TemplatePart.SUBJECT) {
                error(offset, text, ErrorKind.NOT_ALLOWED_IN_SUBJECT, "件名にブロック " + text + " は使えません",
                        "blocks are not allowed in a subject: " + text);
                return false;
            }
            TagScope s = scope.get();
            if (isStart) {
                if (open != TagScope.GENERAL) {
                    error(offset, text, ErrorKind.NESTED_BLOCK,
                            "<" + open.blockName() + "> の中に " + text + " は入れられません(ブロックは入れ子にできません)",
                            text + " inside <" + open.blockName() + ">: blocks do not nest");
                    ignoredNested.push(s);
                    return false;
                }
                open = s;
                openTag = text;
                openOffset = offset;
                current = new ArrayList<>();
                return true;
            }
            if (!ignoredNested.isEmpty() && ignoredNested.peek() == s) {
                ignoredNested.pop();
                return false;
            }
            if (open != s) {
                String ja = open == TagScope.GENERAL
                        ? text + " に対応する <" + name + "> がありません"
                        : text + " は閉じられるブロックがありません(開いているのは <" + open.blockName() + ">)";
                String en = open == TagScope.GENERAL
                        ? text + " without a matching <" + name + ">"
                        : text + " does not match the open <" + open.blockName() + ">";
                error(offset, text, ErrorKind.UNEXPECTED_BLOCK_END, ja, en);
                return false;
            }
            closeBlock();
            return true;
        }

        private void closeBlock() {
            Node.Block block = new Node.Block(open, current);
            current = top;
            current.add(block);
            open = TagScope.GENERAL;
        }

        private int skipLineBreakOfStandaloneTag(int start, int end) {
            int lineStart = start;
            while (lineStart > 0 && (src.charAt(lineStart - 1) == ' ' || src.charAt(lineStart - 1) == '\t')) {
                lineStart--;
            }
            boolean atLineStart = lineStart == 0 || src.charAt(lineStart - 1) == '\n';
            if (!atLineStart) {
                return end;
            }
            int i = end;
            while (i < src.length() && (src.charAt(i) == ' ' || src.charAt(i) == '\t')) {
                i++;
            }
            if (src.startsWith("\r\n", i)) {
                return i + 2;
            }
            if (src.startsWith("\n", i)) {
                return i + 1;
            }
            return i == src.length() ? i : end;
        }

        private void tag(String text, String inner, int offset) {
            int bar = inner.indexOf('|');
            String head = (bar < 0 ? inner : inner.substring(0, bar)).strip();
            String modifier = bar < 0 ? null : inner.substring(bar + 1).strip();
            Matcher h = HEAD.matcher(head);
            if (!h.matches()) {
                error(offset, text, ErrorKind.UNKNOWN_TAG, "タグ " + text + " の書式が正しくありません",
                        "malformed tag " + text);
                return;
            }
            String name = h.group(1);
            String id = h.group(2);
            Optional<MailTag> resolved = MailTag.resolve(name, open);
            if (resolved.isEmpty()) {
                outsideOrUnknown(text, name, offset);
                return;
            }
            MailTag tag = resolved.get();
            boolean ok = true;
            Integer attributeId = null;
            if (tag.type() == ValueType.ATTRIBUTE) {
                if (id == null || !ATTRIBUTE_ID.matcher(id).matches()) {
                    error(offset, text, ErrorKind.BAD_ATTRIBUTE_ID,
                            name + " には id=数字 が必要です(90 会社名、91 部署名、その他は会員追加項目ID)",
                            name + " needs a numeric id=N (90 company, 91 department, others: member attribute id)");
                    ok = false;
                } else {
                    attributeId = Integer.valueOf(id);
                }
            } else if (id != null) {
                error(offset, text, ErrorKind.BAD_ATTRIBUTE_ID, name + " に id は指定できません",
                        name + " takes no id");
                ok = false;
            }
            Strftime format = null;
            if (modifier != null) {
                Matcher d = DATE_FORMAT.matcher(modifier);
                if (!d.matches()) {
                    if (modifier.startsWith("date_format")) {
                        error(offset, text, ErrorKind.BAD_MODIFIER,
                                "date_format の書式は半角の ' または \" で囲んでください(例: date_format:'%Y年%m月%d日')",
                                "quote the date_format pattern with ASCII ' or \" (e.g. date_format:'%Y年%m月%d日')");
                    } else {
                        error(offset, text, ErrorKind.BAD_MODIFIER,
                                "不明な修飾子「" + modifier + "」です(使えるのは date_format)",
                                "unknown modifier '" + modifier + "' (only date_format is supported)");
                    }
                    ok = false;
                } else if (!tag.type().isDate() && tag.type() != ValueType.ATTRIBUTE) {
                    error(offset, text, ErrorKind.BAD_MODIFIER, name + " は日付ではないため date_format は使えません",
                            name + " is not a date; date_format does not apply");
                    ok = false;
                } else {
                    String pattern = d.group(2);
                    Optional<String> bad = Strftime.findError(pattern);
                    if (bad.isPresent()) {
                        error(offset, text, ErrorKind.BAD_DATE_PATTERN,
                                "日付書式に使えない指定 " + bad.get() + " があります",
                                "bad date pattern: unsupported conversion " + bad.get());
                        ok = false;
                    } else {
                        format = Strftime.compile(pattern);
                        if (tag.type() == ValueType.DATE && format.usesTime()) {
                            error(offset, text, ErrorKind.BAD_DATE_PATTERN,
                                    name + " は日付のみのため時刻の指定(%H %I %M %S %p %T)は使えません",
                                    "bad date pattern: " + name + " is a date without time; time conversions do not apply");
                            ok = false;
                        }
                    }
                }
            }
            if (ok) {
                current.add(new Node.Tag(text, tag, attributeId, format));
            }
        }

        private void outsideOrUnknown(String text, String name, int offset) {
            Optional<MailTag> elsewhere = MailTag.anyScope(name);
            if (elsewhere.isEmpty()) {
                error(offset, text, ErrorKind.UNKNOWN_TAG, "不明なタグ " + text + " です", "unknown tag " + text);
                return;
            }
            String blocks = Arrays.stream(MailTag.values())
                    .filter(t -> t.tagName().equals(name))
                    .map(t -> "<" + t.scope().blockName() + ">")
                    .distinct()
                    .reduce((a, b) -> a + ", " + b)
                    .orElseThrow();
            String here = open == TagScope.GENERAL ? "ブロックの外" : "<" + open.blockName() + "> の中";
            String hereEn = open == TagScope.GENERAL ? "outside any block" : "inside <" + open.blockName() + ">";
            error(offset, text, ErrorKind.TAG_OUTSIDE_BLOCK,
                    text + " は " + blocks + " ブロック内でのみ使えます(" + here + "で使われています)",
                    text + " is only valid inside " + blocks + " (used " + hereEn + ")");
        }

        private void error(int offset, String tag, ErrorKind kind, String ja, String en) {
            int line = Arrays.binarySearch(lineStarts, offset);
            if (line < 0) {
                line = -line - 2;
            }
            int column = src.codePointCount(lineStarts[line], offset) + 1;
            errors.add(new TemplateError(part, line + 1, column, tag, kind, ja, en));
        }
    }
}
