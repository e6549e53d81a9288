package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateParserTest {

    private static List<TemplateError> errorsOf(String body) {
        return TemplateParser.validate(body, Dialect.COMMENT_TAGS, TemplatePart.BODY);
    }

    private static TemplateError onlyError(String body) {
        List<TemplateError> errors = errorsOf(body);
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    @Test
    @DisplayName("MAIL-1 an unknown tag is refused with line, column and tag")
    void unknownTag() {
        TemplateError e = onlyError("""
                ご注文番号:<!--{orderNo}-->
                お名前:<!--{fooBar}-->
                """);
        assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_TAG);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(5);
        assertThat(e.tag()).isEqualTo("<!--{fooBar}-->");
        assertThat(e.part()).isEqualTo(TemplatePart.BODY);
        assertThat(e.messageJa()).contains("不明なタグ");
        assertThat(e.messageEn()).contains("unknown tag");
        assertThat(e.message()).contains("本文 2行目 5文字目").contains("body line 2, column 5");
    }

    @Test
    @DisplayName("MAIL-1 a tag outside its block is refused with line and tag")
    void tagOutsideBlock() {
        TemplateError e = onlyError("""
                ご注文番号:<!--{orderNo}-->

                購入商品ID:<!--{productId}-->
                """);
        assertThat(e.kind()).isEqualTo(ErrorKind.TAG_OUTSIDE_BLOCK);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.tag()).isEqualTo("<!--{productId}-->");
        assertThat(e.messageJa()).contains("<sectionOrderItem>");
    }

    @Test
    @DisplayName("MAIL-1 an order-item tag inside sectionShipping is outside its block")
    void tagInWrongBlock() {
        TemplateError e = onlyError("""
                <sectionShipping>
                送付先:<!--{shippingName1}-->
                商品:<!--{productName}-->
                </sectionShipping>
                """);
        assertThat(e.kind()).isEqualTo(ErrorKind.TAG_OUTSIDE_BLOCK);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.tag()).isEqualTo("<!--{productName}-->");
    }

    @Test
    @DisplayName("MAIL-1 shippingAttribute is valid only inside sectionShipping")
    void shippingAttributeOutside() {
        TemplateError e = onlyError("会社:<!--{orderAttribute id=90}-->\n部署:<!--{shippingAttribute id=91}-->\n");
        assertThat(e.kind()).isEqualTo(ErrorKind.TAG_OUTSIDE_BLOCK);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.tag()).isEqualTo("<!--{shippingAttribute id=91}-->");
    }

    @Test
    @DisplayName("MAIL-1 general tags are valid inside blocks")
    void generalTagsInsideBlocks() {
        assertThat(errorsOf("""
                <sectionOrderItem>
                <!--{orderNo}--> <!--{productName}--> <!--{orderDateTime|date_format:'%Y'}-->
                </sectionOrderItem>
                <sectionShipping>
                <!--{shopName}--> <!--{shippingMethod}--> <!--{shippingAttribute id=90}--> <!--{orderAttribute id=5}-->
                </sectionShipping>
                """)).isEmpty();
    }

    @Test
    @DisplayName("MAIL-1 a block never closed is refused at its start tag")
    void unclosedBlock() {
        TemplateError e = onlyError("""
                ■お届け先
                <sectionShipping>
                <!--{shippingName1}-->
                """);
        assertThat(e.kind()).isEqualTo(ErrorKind.UNCLOSED_BLOCK);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.tag()).isEqualTo("<sectionShipping>");
    }

    @Test
    @DisplayName("MAIL-1 a block end without its start is refused")
    void unexpectedBlockEnd() {
        TemplateError e = onlyError("""
                ご注文番号:<!--{orderNo}-->
                  </sectionShipping>
                """);
        assertThat(e.kind()).isEqualTo(ErrorKind.UNEXPECTED_BLOCK_END);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.tag()).isEqualTo("</sectionShipping>");
    }

    @Test
    @DisplayName("MAIL-1 a block end not matching the open block is refused")
    void mismatchedBlockEnd() {
        List<TemplateError> errors = errorsOf("""
                <sectionOrderItem>
                <!--{productName}-->
                </sectionShipping>
                </sectionOrderItem>
                """);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(tuple(ErrorKind.UNEXPECTED_BLOCK_END, 3, "</sectionShipping>"));
    }

    @Test
    @DisplayName("MAIL-1 blocks do not nest; the nested block is reported once")
    void nestedBlock() {
        List<TemplateError> errors = errorsOf("""
                <sectionShipping>
                <!--{shippingName1}-->
                <sectionOrderItem>
                <!--{productName}-->
                </sectionOrderItem>
                </sectionShipping>
                """);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.NESTED_BLOCK, 3, "<sectionOrderItem>"),
                        tuple(ErrorKind.TAG_OUTSIDE_BLOCK, 4, "<!--{productName}-->"));
    }

    @Test
    @DisplayName("MAIL-1 an unknown strftime conversion is a bad date pattern")
    void badDatePattern() {
        TemplateError e = onlyError("""
                ご注文番号:<!--{orderNo}-->
                注文日時:<!--{orderDateTime|date_format:'%Y年%m月%d日 %Q'}-->
                """);
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_DATE_PATTERN);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.tag()).isEqualTo("<!--{orderDateTime|date_format:'%Y年%m月%d日 %Q'}-->");
        assertThat(e.messageEn()).contains("bad date pattern").contains("%Q");
    }

    @Test
    @DisplayName("MAIL-1 a time conversion on a date-only tag is a bad date pattern")
    void timeOnDateOnlyTag() {
        TemplateError e = onlyError("<sectionShipping>\n<!--{deliveryDate|date_format:'%Y/%m/%d %H時'}-->\n</sectionShipping>\n");
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_DATE_PATTERN);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    @DisplayName("MAIL-1 bad modifiers: unknown, unquoted, typographic quotes, on a non-date tag")
    void badModifiers() {
        List<TemplateError> errors = errorsOf("""
                <!--{orderNo|upper}-->
                <!--{orderDateTime|date_format:%Y}-->
                <!--{orderDateTime|date_format:’%Y年’}-->
                <!--{total|date_format:'%Y'}-->
                """);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.BAD_MODIFIER, 1, "<!--{orderNo|upper}-->"),
                        tuple(ErrorKind.BAD_MODIFIER, 2, "<!--{orderDateTime|date_format:%Y}-->"),
                        tuple(ErrorKind.BAD_MODIFIER, 3, "<!--{orderDateTime|date_format:’%Y年’}-->"),
                        tuple(ErrorKind.BAD_MODIFIER, 4, "<!--{total|date_format:'%Y'}-->"));
    }

    @Test
    @DisplayName("MAIL-1 date_format accepts single and double quotes")
    void quotes() {
        assertThat(errorsOf("<!--{orderDateTime|date_format:\"%Y年%m月%d日\"}--><!--{orderDateTime|date_format:'%H:%M'}-->"))
                .isEmpty();
    }

    @Test
    @DisplayName("MAIL-1 attribute tags need a numeric id; other tags take none")
    void badAttributeId() {
        List<TemplateError> errors = errorsOf("""
                会社名:<!--{orderAttribute id=90}-->
                追加項目:<!--{orderAttribute id=会員追加項目ID}-->
                <!--{orderAttribute}-->
                <!--{orderNo id=3}-->
                """);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.BAD_ATTRIBUTE_ID, 2, "<!--{orderAttribute id=会員追加項目ID}-->"),
                        tuple(ErrorKind.BAD_ATTRIBUTE_ID, 3, "<!--{orderAttribute}-->"),
                        tuple(ErrorKind.BAD_ATTRIBUTE_ID, 4, "<!--{orderNo id=3}-->"));
    }

    @Test
    @DisplayName("MAIL-1 all errors are collected, not just the first")
    void collectsAllErrors() {
        String body = """
                <!--{orderName1}--> 様
                <!--{fooBar}-->
                <!--{productId}-->
                <sectionShipping>
                <!--{orderDateTime|date_format:'%Y %Z'}-->
                <!--{shippingAttribute id=x}-->
                </sectionOrderItem>
                """;
        assertThatThrownBy(() -> TemplateParser.parse(body, Dialect.COMMENT_TAGS))
                .isInstanceOfSatisfying(TemplateValidationException.class, ex ->
                        assertThat(ex.errors()).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                                .containsExactly(
                                        tuple(ErrorKind.UNKNOWN_TAG, 2, "<!--{fooBar}-->"),
                                        tuple(ErrorKind.TAG_OUTSIDE_BLOCK, 3, "<!--{productId}-->"),
                                        tuple(ErrorKind.BAD_DATE_PATTERN, 5, "<!--{orderDateTime|date_format:'%Y %Z'}-->"),
                                        tuple(ErrorKind.BAD_ATTRIBUTE_ID, 6, "<!--{shippingAttribute id=x}-->"),
                                        tuple(ErrorKind.UNEXPECTED_BLOCK_END, 7, "</sectionOrderItem>"),
                                        tuple(ErrorKind.UNCLOSED_BLOCK, 4, "<sectionShipping>")))
                .hasMessageContaining("不明なタグ <!--{fooBar}-->");
    }

    @Test
    @DisplayName("MAIL-1 the seed's typographic <!–{…}–> is reported, only the real <!--{…}--> is a tag")
    void typographicDashes() {
        TemplateError e = onlyError("配送方法名称:<!--{shippingMethod}-->\n配送方法ID:<!–{shippingMethodId}–>\n");
        assertThat(e.kind()).isEqualTo(ErrorKind.UNKNOWN_TAG);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.tag()).isEqualTo("<!–{shippingMethodId}–>");
    }

    @Test
    @DisplayName("MAIL-1 an unclosed tag and an unknown block are reported")
    void malformed() {
        List<TemplateError> errors = errorsOf("<!--{orderNo\n<sectionFoo>x</sectionFoo>\n<section>HTML5 is text</section>\n");
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.UNKNOWN_TAG, 1, "<!--{"),
                        tuple(ErrorKind.UNKNOWN_TAG, 2, "<sectionFoo>"),
                        tuple(ErrorKind.UNKNOWN_TAG, 2, "</sectionFoo>"));
    }

    @Test
    @DisplayName("MAIL-1 a subject is one line without blocks; section tags there are outside their block")
    void subject() {
        List<TemplateError> errors = MailTemplate.validate(
                "【<!--{shopName}-->】<sectionOrderItem><!--{productName}--></sectionOrderItem>",
                "本文 <!--{nope}-->", Dialect.COMMENT_TAGS);
        assertThat(errors).extracting(TemplateError::part, TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(TemplatePart.SUBJECT, ErrorKind.NOT_ALLOWED_IN_SUBJECT, 1, "<sectionOrderItem>"),
                        tuple(TemplatePart.SUBJECT, ErrorKind.TAG_OUTSIDE_BLOCK, 1, "<!--{productName}-->"),
                        tuple(TemplatePart.SUBJECT, ErrorKind.NOT_ALLOWED_IN_SUBJECT, 1, "</sectionOrderItem>"),
                        tuple(TemplatePart.BODY, ErrorKind.UNKNOWN_TAG, 1, "<!--{nope}-->"));
        assertThat(TemplateParser.validate("件名\nBcc: x@example.jp", Dialect.COMMENT_TAGS, TemplatePart.SUBJECT))
                .extracting(TemplateError::kind).containsExactly(ErrorKind.NOT_ALLOWED_IN_SUBJECT);
    }

    @Test
    @DisplayName("MAIL-1 the seed's documented tags are accepted")
    void seedTags() {
        String seed = """
                配送方法名称:<!--{shippingMethod}-->
                配送方法ID:<!--{shippingMethodId}-->
                伝票No.URL:<!--{deliveryTrackingUrl}-->
                注文日時:<!--{orderDateTime|date_format:'%Y年%m月%d日 %H時%M分%S秒'}-->
                氏名(フリガナ):<!--{orderKana1}--> <!--{orderKana2}-->
                Eメールアドレス:<!--{orderEmail}-->
                <sectionOrderItem>
                購入商品ID:<!--{productId}-->
                </sectionOrderItem>
                <sectionShipping>
                送付先氏名(フリガナ):<!--{shippingKana1}--> <!--{shippingKana2}-->
                送付先お届け方法:<!--{shippingMethod}-->
                配送先会社名:<!--{shippingAttribute id=90}-->
                配送先部署名:<!--{shippingAttribute id=91}-->
                配送先追加項目:<!--{shippingAttribute id=12}-->
                </sectionShipping>
                購入者会社名:<!--{orderAttribute id=90}-->
                購入者部署名:<!--{orderAttribute id=91}-->
                購入者追加項目:<!--{orderAttribute id=12}-->
                """;
        assertThatCode(() -> TemplateParser.parse(seed, Dialect.COMMENT_TAGS)).doesNotThrowAnyException();
    }
}
