package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/mail.md} in step with the catalogues: the tag tables in the doc must be exactly what
 * {@link MailTag} and {@link BracketTag} say. On failure the message shows the table to paste.
 */
class MailDocsTest {

    private static final Path DOC = Path.of("docs/mail.md");

    static String tagTable(TagScope scope) {
        String rows = MailTag.inScope(scope).stream()
                .map(t -> "| `" + t.syntax() + "` | " + typeLabel(t.type()) + " | " + t.descriptionJa() + " | "
                        + t.example() + " |")
                .collect(Collectors.joining("\n"));
        return "| タグ | 型 | 内容 | 例 |\n|---|---|---|---|\n" + rows + "\n";
    }

    static String bracketTable() {
        String rows = Arrays.stream(BracketTag.values())
                .map(t -> "| `" + t.syntax() + "` | " + t.descriptionJa() + " | " + t.example() + " |")
                .collect(Collectors.joining("\n"));
        return "| タグ | 内容 | 例 |\n|---|---|---|\n" + rows + "\n";
    }

    private static String typeLabel(ValueType type) {
        return switch (type) {
            case TEXT -> "文字列";
            case MONEY -> "金額";
            case NUMBER -> "数値";
            case DATE -> "日付";
            case DATE_TIME -> "日時";
            case ATTRIBUTE -> "追加項目";
        };
    }

    private static String doc() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("MAIL-1 docs/mail.md lists every catalogue tag, per scope, exactly as the catalogue says")
    void commentTagTables() throws IOException {
        String doc = doc();
        for (TagScope scope : TagScope.values()) {
            assertThat(doc).as("table for %s; expected:%n%s", scope, tagTable(scope)).contains(tagTable(scope));
        }
    }

    @Test
    @DisplayName("SUB-29 docs/mail.md lists every bracket tag")
    void bracketTagTable() throws IOException {
        assertThat(doc()).as("expected:%n%s", bracketTable()).contains(bracketTable());
    }

    @Test
    @DisplayName("MAIL-1 docs/mail.md explains every error kind and the date conversions")
    void errorKindsAndModifier() throws IOException {
        String doc = doc();
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(doc).contains("`" + kind.name() + "`");
        }
        for (String conversion : new String[] {"%Y", "%y", "%m", "%d", "%e", "%H", "%I", "%M", "%S", "%p", "%a", "%A",
                "%b", "%B", "%j", "%F", "%T", "%%"}) {
            assertThat(doc).contains("`" + conversion + "`");
        }
        assertThat(doc).contains("<sectionOrderItem>", "<sectionShipping>", "date_format", "ISO-2022-JP", "RFC 2047");
    }
}
