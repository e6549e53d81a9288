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
 * {@code <!--{orderAttribute id=90}-->}, repeating blocks {@code <sectionOrderItem>…</sectionOrderItem>} and
 * {@code <sectionShipping>…</sectionShipping>} (not nested in each other), {@code <sectionParcel>} only inside
 * {@code <sectionShipping>}, and conditional blocks {@code <sectionIf name="tag">} / {@code <sectionIfNot name="tag">}
 * anywhere (nested freely, also in a subject), whose name is resolved like a tag at that position. Only real
 * HTML comment dashes are tags; the typographic {@code <!–{…}–>} seen on copied web pages is reported, not
 * silently left as text.
 * A block tag alone on its line takes its line break with it, so repeated blocks do not add blank lines.
 *
 * <p>Bracket dialect: {@code [MEMBER_NAME]} etc. from {@link BracketTag}; any other {@code [UPPER_CASE]} token
 * and any comment tag or block is an error; other brackets ({@code [重要]}, {@code [a]}) are text.
 *
 * <p>Subjects are one line: a line break or a repeating block there is {@link ErrorKind#NOT_ALLOWED_IN_SUBJECT}.
 */
final class TemplateParser {

    private static final String DASHES = "[\\u2010-\\u2015\\u2212\\u30FC\\uFF0D]";
    private static final Pattern COMMENT_TOKENS = Pattern.compile(
            "<!--\\{([^\\n]*?)\\}-->"                                          // 1: tag content
                    + "|(<!--\\{)"                                             // 2: tag never closed on its line
                    + "|<(/?)(section[A-Z][A-Za-z0-9_]*)((?:\\s[^<>\\n]*)?)>"     // 3: end slash, 4: block name, 5: attributes
                    + "|(<!-?" + DASHES + "-?\\{[^\\n]*?\\}-?" + DASHES + "-?>)"); // 6: typographic dashes
    private static final Pattern BRACKET_TOKENS = Pattern.compile(
            "\\[([A-Z][A-Z0-9_]*)\\]|(<!--\\{[^\\n]*?\\}-->)|(</?section[A-Z][A-Za-z0-9_]*(?:\\s[^<>\\n]*)?>)");
    private static final Pattern HEAD = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)(?:\\s+id\\s*=\\s*(\\S*))?");
    private static final Pattern DATE_FORMAT = Pattern.compile("date_format\\s*:\\s*(['\"])(.*)\\1", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE_ID = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern CONDITION_ATTRIBUTES = Pattern.compile("\\s*name\\s*=\\s*([\"'])([^\"'<>]*)\\1\\s*");
    private static final String IF = "sectionIf";
    private static final String IF_NOT = "sectionIfNot";
    private static final String BLOCKS = "<sectionOrderItem> <sectionShipping> <sectionParcel> <sectionIf> <sectionIfNot>";

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
        /** The blocks open at the current position, innermost first. */
        private final Deque<Frame> open = new ArrayDeque<>();

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
                    boolean standalone = block(m.group(), m.group(3).isEmpty(), m.group(4), m.group(5), m.start());
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
            for (java.util.Iterator<Frame> unclosed = open.descendingIterator(); unclosed.hasNext(); ) {
                Frame f = unclosed.next();
                error(f.offset, f.text, ErrorKind.UNCLOSED_BLOCK,
                        "<" + f.name + "> が閉じられていません(</" + f.name + "> がありません)",
                        "<" + f.name + "> is never closed with </" + f.name + ">");
            }
            return List.copyOf(top);
        }

        /** The scope tags resolve in here: the innermost open repeating block's, else GENERAL. */
        private TagScope scope() {
            return open.isEmpty() ? TagScope.GENERAL : open.peek().scope;
        }

        private List<Node> current() {
            return open.isEmpty() ? top : open.peek().children;
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
                current().add(new Node.Text(src.substring(from, to)));
            }
        }

        private void bracket(Matcher m) {
            if (m.group(3) != null) {
                error(m.start(), m.group(), ErrorKind.UNKNOWN_TAG,
                        "このテンプレートではブロック(<sectionIf> など)は使えません。[MEMBER_NAME] などの角括弧タグだけが使えます",
                        "blocks (<sectionIf> etc.) are not available in this template; only bracket tags such as [MEMBER_NAME]");
                return;
            }
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
            current().add(new Node.Bracket(tag.get()));
        }

        /** Returns whether the block tag was alone on its line (and accepted), so its line break can go. */
        private boolean block(String text, boolean isStart, String name, String attributes, int offset) {
            boolean conditional = name.equals(IF) || name.equals(IF_NOT);
            Optional<TagScope> repeating = TagScope.ofBlockName(name);
            if (!conditional && repeating.isEmpty()) {
                error(offset, text, ErrorKind.UNKNOWN_TAG, "不明なブロック " + text + " です(使えるのは " + BLOCKS + ")",
                        "unknown block " + text + " (blocks are " + BLOCKS + ")");
                return false;
            }
            if (!conditional && part == TemplatePart.SUBJECT) {
                error(offset, text, ErrorKind.NOT_ALLOWED_IN_SUBJECT, "件名にブロック " + text + " は使えません",
                        "blocks are not allowed in a subject: " + text);
                return false;
            }
            if (!isStart) {
                if (!attributes.isBlank()) {
                    error(offset, text, ErrorKind.BAD_CONDITION, "終了タグ </" + name + "> には属性を書けません",
                            "the end tag </" + name + "> takes no attributes");
                }
                return end(text, name, offset);
            }
            if (conditional) {
                return startConditional(text, name, attributes, offset);
            }
            if (!attributes.isBlank()) {
                error(offset, text, ErrorKind.BAD_CONDITION, "<" + name + "> には属性を書けません(条件は <sectionIf name=\"…\"> で)",
                        "<" + name + "> takes no attributes (conditions are written <sectionIf name=\"…\">)");
            }
            TagScope s = repeating.get();
            TagScope here = scope();
            if (here != s.parent()) {
                if (here == TagScope.GENERAL) {
                    error(offset, text, ErrorKind.TAG_OUTSIDE_BLOCK,
                            text + " は <" + s.parent().blockName() + "> ブロック内でのみ使えます(ブロックの外で使われています)",
                            text + " is only valid inside <" + s.parent().blockName() + "> (used outside any block)");
                } else {
                    error(offset, text, ErrorKind.NESTED_BLOCK,
                            "<" + here.blockName() + "> の中に " + text + " は入れられません(ブロックは入れ子にできません)",
                            text + " inside <" + here.blockName() + ">: blocks do not nest");
                }
                open.push(Frame.refused(name, text, offset, here));
                return false;
            }
            open.push(new Frame(name, text, offset, s, null, null, false, false));
            return true;
        }

        private boolean startConditional(String text, String element, String attributes, int offset) {
            TagScope here = scope();
            Matcher a = CONDITION_ATTRIBUTES.matcher(attributes);
            String problemJa = null;
            String problemEn = null;
            MailTag tag = null;
            Integer attributeId = null;
            if (!a.matches()) {
                problemJa = attributes.isBlank()
                        ? "<" + element + "> には name=\"タグ名\" が必要です(例: <sectionIf name=\"discount\">)"
                        : "<" + element + "> の属性は name=\"タグ名\" だけです(半角の \" で囲んでください)";
                problemEn = attributes.isBlank()
                        ? "<" + element + "> needs name=\"tag name\" (e.g. <sectionIf name=\"discount\">)"
                        : "<" + element + "> takes only name=\"tag name\", quoted with ASCII quotes";
            } else {
                String condition = a.group(2).strip();
                Matcher h = HEAD.matcher(condition);
                Optional<MailTag> resolved = h.matches() ? MailTag.resolve(h.group(1), here) : Optional.empty();
                if (!h.matches()) {
                    problemJa = "条件名「" + condition + "」の書式が正しくありません(タグ名だけを書き、修飾子は付けません)";
                    problemEn = "malformed condition name '" + condition + "' (a tag name only, no modifier)";
                } else if (resolved.isEmpty()) {
                    if (MailTag.anyScope(h.group(1)).isPresent()) {
                        outsideOrUnknown(text, h.group(1), offset);
                        open.push(Frame.refused(element, text, offset, here));
                        return false;
                    }
                    problemJa = "不明な条件名 " + h.group(1) + " です(条件名にはタグ名を書きます)";
                    problemEn = "unknown condition name " + h.group(1) + " (a condition names a tag)";
                } else {
                    tag = resolved.get();
                    String id = h.group(2);
                    if (tag.type() == ValueType.ATTRIBUTE) {
                        if (id == null || !ATTRIBUTE_ID.matcher(id).matches()) {
                            error(offset, text, ErrorKind.BAD_ATTRIBUTE_ID,
                                    tag.tagName() + " には id=数字 が必要です(90 会社名、91 部署名、その他は会員追加項目ID)",
                                    tag.tagName() + " needs a numeric id=N (90 company, 91 department, others: member attribute id)");
                            open.push(Frame.refused(element, text, offset, here));
                            return false;
                        }
                        attributeId = Integer.valueOf(id);
                    } else if (id != null) {
                        error(offset, text, ErrorKind.BAD_ATTRIBUTE_ID, tag.tagName() + " に id は指定できません",
                                tag.tagName() + " takes no id");
                        open.push(Frame.refused(element, text, offset, here));
                        return false;
                    }
                }
            }
            if (problemJa != null) {
                error(offset, text, ErrorKind.BAD_CONDITION, problemJa, problemEn);
                open.push(Frame.refused(element, text, offset, here));
                return false;
            }
            open.push(new Frame(element, text, offset, here, tag, attributeId, element.equals(IF_NOT), false));
            return true;
        }

        private boolean end(String text, String name, int offset) {
            if (open.isEmpty()) {
                error(offset, text, ErrorKind.UNEXPECTED_BLOCK_END, text + " に対応する <" + name + "> がありません",
                        text + " without a matching <" + name + ">");
                return false;
            }
            Frame f = open.peek();
            if (!f.name.equals(name)) {
                error(offset, text, ErrorKind.UNEXPECTED_BLOCK_END,
                        text + " は閉じられるブロックがありません(開いているのは <" + f.name + ">)",
                        text + " does not match the open <" + f.name + ">");
                return false;
            }
            open.pop();
            if (f.refused) {
                return false;
            }
            current().add(f.name.equals(IF) || f.name.equals(IF_NOT)
                    ? new Node.Conditional(f.tag, f.attributeId, f.negated, f.children)
                    : new Node.Block(f.scope, f.children));
            return true;
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
            Optional<MailTag> resolved = MailTag.resolve(name, scope());
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
                current().add(new Node.Tag(text, tag, attributeId, format));
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
            TagScope scope = scope();
            String here = scope == TagScope.GENERAL ? "ブロックの外" : "<" + scope.blockName() + "> の中";
            String hereEn = scope == TagScope.GENERAL ? "outside any block" : "inside <" + scope.blockName() + ">";
            error(offset, text, ErrorKind.TAG_OUTSIDE_BLOCK,
                    text + " は " + blocks + " ブロック内でのみ使えます(" + here + "で使われています)",
                    text + " is only valid inside " + blocks + " (used " + hereEn + ")");
        }

        /** An open block; a refused one (already reported) only keeps its end tag from being reported again. */
        private static final class Frame {
            final String name;
            final String text;
            final int offset;
            final TagScope scope;
            final MailTag tag;
            final Integer attributeId;
            final boolean negated;
            final boolean refused;
            final List<Node> children = new ArrayList<>();

            Frame(String name, String text, int offset, TagScope scope, MailTag tag, Integer attributeId,
                  boolean negated, boolean refused) {
                this.name = name;
                this.text = text;
                this.offset = offset;
                this.scope = scope;
                this.tag = tag;
                this.attributeId = attributeId;
                this.negated = negated;
                this.refused = refused;
            }

            static Frame refused(String name, String text, int offset, TagScope scope) {
                return new Frame(name, text, offset, scope, null, null, false, true);
            }
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
