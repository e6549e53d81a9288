package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code <sectionIf>}, {@code <sectionIfNot>} and {@code <sectionParcel>}: validated at save, rendered per value. */
class ConditionalBlocksTest {

    private static List<TemplateError> errorsOf(String body) {
        return TemplateParser.validate(body, Dialect.COMMENT_TAGS, TemplatePart.BODY);
    }

    private static String render(String body, MailContext ctx) {
        return TemplateParser.parse(body, Dialect.COMMENT_TAGS).render(ctx);
    }

    private static MailContext order(long discount, Long points, String memo, Map<Integer, String> attributes) {
        return MailContext.builder()
                .order(OrderView.builder().orderNo("A-1").discount(discount).pointsUsed(points).memo(memo)
                        .subscriptionNo("tk-13002").build())
                .orderAttributes(attributes)
                .build();
    }

    // ---- rendering ----

    @Test
    @DisplayName("MAIL-1 a conditional line is printed when its value is present and left out, line break included, when not")
    void presentOrAbsent() {
        String body = """
                受注:<!--{orderNo}-->
                <sectionIf name="discount">
                値引き:-<!--{discount}-->円
                </sectionIf>
                <sectionIf name="pointsUsed">
                ポイント利用:-<!--{pointsUsed}-->pt
                </sectionIf>
                <sectionIf name="orderMemo">
                備考:<!--{orderMemo}-->
                </sectionIf>
                <sectionIf name="orderAttribute id=90">
                会社名:<!--{orderAttribute id=90}-->
                </sectionIf>
                以上
                """;
        assertThat(render(body, order(500, 1_200L, "置き配", Map.of(90, "株式会社こもれび")))).isEqualTo("""
                受注:A-1
                値引き:-500円
                ポイント利用:-1,200pt
                備考:置き配
                会社名:株式会社こもれび
                以上
                """);
        assertThat(render(body, order(0, null, "  ", Map.of(90, "")))).as("zero, missing, blank: all absent")
                .isEqualTo("受注:A-1\n以上\n");
    }

    @Test
    @DisplayName("MAIL-1 SUB-30 subscriptionNo is absent when the send does not ask for it, even on a subscription order")
    void subscriptionNoFollowsTheSend() {
        String body = "<sectionIf name=\"subscriptionNo\">\n定期購入番号:<!--{subscriptionNo}-->\n</sectionIf>\n以上\n";
        MailContext asked = order(0, 0L, null, Map.of());
        MailContext notAsked = MailContext.builder().order(asked.order()).includeSubscriptionNo(false).build();
        assertThat(render(body, MailContext.builder().order(asked.order()).includeSubscriptionNo(true).build()))
                .isEqualTo("定期購入番号:tk-13002\n以上\n");
        assertThat(render(body, notAsked)).isEqualTo("以上\n");
    }

    @Test
    @DisplayName("MAIL-1 sectionIfNot prints the otherwise-line; conditions inside blocks test each shipment; they nest")
    void negationInsideBlocksAndNesting() {
        String body = """
                <sectionShipping>
                <!--{shippingName1}-->:
                <sectionIf name="deliveryDate">
                お届け希望日:<!--{deliveryDate|date_format:'%m月%d日'}-->
                </sectionIf>
                <sectionIfNot name="deliveryDate">
                お届け希望日:指定なし
                </sectionIfNot>
                <sectionIf name="shippingAttribute id=90">
                <sectionIf name="shippingAttribute id=91">
                <!--{shippingAttribute id=90}--> <!--{shippingAttribute id=91}-->
                </sectionIf>
                </sectionIf>
                </sectionShipping>
                """;
        MailContext ctx = MailContext.builder().shipments(List.of(
                ShipmentView.builder().name("山田", "花子").deliveryDate(LocalDate.of(2026, 12, 3))
                        .attributes(Map.of(90, "株式会社こもれび", 91, "営業部")).build(),
                ShipmentView.builder().name("佐藤", "一郎").attributes(Map.of(90, "佐藤商店")).build())).build();
        assertThat(render(body, ctx)).isEqualTo("""
                山田:
                お届け希望日:12月03日
                株式会社こもれび 営業部
                佐藤:
                お届け希望日:指定なし
                """);
    }

    @Test
    @DisplayName("MAIL-1 a condition in a subject stays on the subject's one line")
    void subjectCondition() {
        MailTemplate t = MailTemplate.parse("【<!--{shopName}-->】<sectionIf name=\"subscriptionNo\">定期購入 </sectionIf>発送",
                "x", Dialect.COMMENT_TAGS);
        MailContext ctx = MailContext.builder().shop(new ShopView("こもれび", null, null))
                .order(OrderView.builder().subscriptionNo("tk-1").build()).includeSubscriptionNo(true).build();
        assertThat(t.render(ctx).subject()).isEqualTo("【こもれび】定期購入 発送");
        assertThat(t.render(MailContext.builder().shop(new ShopView("こもれび", null, null)).build()).subject())
                .isEqualTo("【こもれび】発送");
    }

    @Test
    @DisplayName("MAIL-2 sectionParcel repeats per tracking number of the shipment, each with its own tracking URL")
    void parcels() {
        String body = """
                <sectionShipping>
                <!--{shippingMethod}-->(1個目 <!--{trackingNumber}-->)
                <sectionParcel>
                <!--{parcelNo}-->個目 <!--{trackingNumber}--> <!--{deliveryTrackingUrl}--> <!--{shippingMethod}-->
                </sectionParcel>
                </sectionShipping>
                最初の伝票:<!--{trackingNumber}-->
                """;
        MailContext ctx = MailContext.builder().shipments(List.of(
                ShipmentView.builder().shippingMethod("yamato", "ヤマト運輸")
                        .trackingUrlTemplate("https://t.example/?no={trackingNo}")
                        .trackingNumbers(List.of("111", "222", "333")).build(),
                ShipmentView.builder().shippingMethod("sagawa", "佐川急便").build())).build();
        assertThat(render(body, ctx)).isEqualTo("""
                ヤマト運輸(1個目 111)
                1個目 111 https://t.example/?no=111 ヤマト運輸
                2個目 222 https://t.example/?no=222 ヤマト運輸
                3個目 333 https://t.example/?no=333 ヤマト運輸
                佐川急便(1個目 )
                最初の伝票:111
                """);
    }

    @Test
    @DisplayName("MAIL-2 a parcel's URL line can be left out when the carrier has no tracking URL")
    void parcelWithoutUrl() {
        String body = "<sectionShipping><sectionParcel>[<!--{trackingNumber}-->"
                + "<sectionIf name=\"deliveryTrackingUrl\"> <!--{deliveryTrackingUrl}--></sectionIf>]"
                + "</sectionParcel></sectionShipping>";
        MailContext ctx = MailContext.builder().shipments(List.of(
                ShipmentView.builder().trackingNumbers(List.of("1", "2")).build(),
                ShipmentView.builder().trackingUrlTemplate("u={trackingNo}").trackingNumber("3").build())).build();
        assertThat(render(body, ctx)).isEqualTo("[1][2][3 u=3]");
    }

    // ---- validation ----

    @Test
    @DisplayName("MAIL-1 valid conditions: any tag name in its scope, attributes with id, nested, around blocks, negated")
    void validConditions() {
        assertThat(errorsOf("""
                <sectionIf name="subscriptionNo"><!--{subscriptionNo}--></sectionIf>
                <sectionIfNot name='discount'>値引きなし</sectionIfNot>
                <sectionIf name="orderAttribute id=90"><sectionIf name="pointsUsed">x</sectionIf></sectionIf>
                <sectionIf name="total">
                <sectionOrderItem>
                <sectionIf name="productCode"><!--{productCode}--></sectionIf>
                </sectionOrderItem>
                </sectionIf>
                <sectionShipping>
                <sectionIf name="shippingAttribute id=91">x</sectionIf>
                <sectionParcel><sectionIf name="deliveryTrackingUrl"><!--{deliveryTrackingUrl}--></sectionIf></sectionParcel>
                </sectionShipping>
                """)).isEmpty();
    }

    @Test
    @DisplayName("MAIL-1 an unknown condition name is refused, naming the start tag, line and column")
    void unknownName() {
        List<TemplateError> errors = errorsOf("""
                ご注文番号:<!--{orderNo}-->
                  <sectionIf name="coupon">
                クーポン
                </sectionIf>
                """);
        assertThat(errors).hasSize(1);
        TemplateError e = errors.get(0);
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_CONDITION);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.tag()).isEqualTo("<sectionIf name=\"coupon\">");
        assertThat(e.messageJa()).contains("不明な条件名 coupon");
        assertThat(e.message()).contains("本文 2行目 3文字目").contains("body line 2, column 3: unknown condition name coupon");
    }

    @Test
    @DisplayName("MAIL-1 malformed conditions: no name, other attribute, typographic quotes, modifier, attributes on an end tag")
    void malformedConditions() {
        List<TemplateError> errors = errorsOf("""
                <sectionIf>a</sectionIf>
                <sectionIf value="discount">b</sectionIf>
                <sectionIf name=“discount”>c</sectionIf>
                <sectionIf name="orderDateTime|date_format:'%Y'">d</sectionIf>
                <sectionIfNot name="discount">e</sectionIfNot name="discount">
                <sectionShipping name="x"></sectionShipping>
                """);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.BAD_CONDITION, 1, "<sectionIf>"),
                        tuple(ErrorKind.BAD_CONDITION, 2, "<sectionIf value=\"discount\">"),
                        tuple(ErrorKind.BAD_CONDITION, 3, "<sectionIf name=“discount”>"),
                        tuple(ErrorKind.BAD_CONDITION, 4, "<sectionIf name=\"orderDateTime|date_format:'%Y'\">"),
                        tuple(ErrorKind.BAD_CONDITION, 5, "</sectionIfNot name=\"discount\">"),
                        tuple(ErrorKind.BAD_CONDITION, 6, "<sectionShipping name=\"x\">"));
        assertThat(errors.get(0).messageJa()).contains("name=\"タグ名\" が必要です");
    }

    @Test
    @DisplayName("MAIL-1 a condition naming a block tag outside its block, and attribute ids, follow the tag rules")
    void scopeAndIds() {
        List<TemplateError> errors = errorsOf("""
                <sectionIf name="productName">x</sectionIf>
                <sectionIf name="orderAttribute">x</sectionIf>
                <sectionIf name="discount id=3">x</sectionIf>
                <sectionShipping><sectionIf name="parcelNo">x</sectionIf></sectionShipping>
                """);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.TAG_OUTSIDE_BLOCK, 1, "<sectionIf name=\"productName\">"),
                        tuple(ErrorKind.BAD_ATTRIBUTE_ID, 2, "<sectionIf name=\"orderAttribute\">"),
                        tuple(ErrorKind.BAD_ATTRIBUTE_ID, 3, "<sectionIf name=\"discount id=3\">"),
                        tuple(ErrorKind.TAG_OUTSIDE_BLOCK, 4, "<sectionIf name=\"parcelNo\">"));
        assertThat(errors.get(0).messageJa()).contains("<sectionOrderItem>");
    }

    @Test
    @DisplayName("MAIL-1 unclosed, unmatched and crossing conditional blocks are refused with line and tag")
    void unclosedAndMismatched() {
        assertThat(errorsOf("行1\n<sectionIf name=\"discount\">\n値引き\n"))
                .extracting(TemplateError::kind, TemplateError::line, TemplateError::column, TemplateError::tag)
                .containsExactly(tuple(ErrorKind.UNCLOSED_BLOCK, 2, 1, "<sectionIf name=\"discount\">"));
        assertThat(errorsOf("a\n</sectionIfNot>\n"))
                .extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(tuple(ErrorKind.UNEXPECTED_BLOCK_END, 2, "</sectionIfNot>"));
        assertThat(errorsOf("<sectionIf name=\"discount\">x</sectionIfNot>\n</sectionIf>"))
                .extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(tuple(ErrorKind.UNEXPECTED_BLOCK_END, 1, "</sectionIfNot>"));
        List<TemplateError> crossing = errorsOf("""
                <sectionIf name="discount">
                <sectionShipping>
                </sectionIf>
                </sectionShipping>
                """);
        assertThat(crossing).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.UNEXPECTED_BLOCK_END, 3, "</sectionIf>"),
                        tuple(ErrorKind.UNCLOSED_BLOCK, 1, "<sectionIf name=\"discount\">"));
        assertThat(crossing.get(0).messageJa()).contains("開いているのは <sectionShipping>");
    }

    @Test
    @DisplayName("MAIL-2 sectionParcel only inside sectionShipping; repeating blocks still do not nest otherwise")
    void parcelPlacement() {
        List<TemplateError> errors = errorsOf("""
                <sectionParcel><!--{trackingNumber}--></sectionParcel>
                <sectionOrderItem>
                <sectionParcel>x</sectionParcel>
                </sectionOrderItem>
                <sectionShipping><sectionParcel><sectionParcel>y</sectionParcel></sectionParcel></sectionShipping>
                <sectionIf name="discount"><sectionShipping><sectionOrderItem>z</sectionOrderItem></sectionShipping></sectionIf>
                """);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.TAG_OUTSIDE_BLOCK, 1, "<sectionParcel>"),
                        tuple(ErrorKind.NESTED_BLOCK, 3, "<sectionParcel>"),
                        tuple(ErrorKind.NESTED_BLOCK, 5, "<sectionParcel>"),
                        tuple(ErrorKind.NESTED_BLOCK, 6, "<sectionOrderItem>"));
        assertThat(errors.get(0).messageJa()).contains("<sectionShipping> ブロック内でのみ使えます");
    }

    @Test
    @DisplayName("MAIL-1 SUB-29 the bracket dialect has no blocks: a <sectionIf> there is refused, not sent as text")
    void noBlocksInBracketDialect() {
        assertThat(TemplateParser.validate("[MEMBER_NAME] 様\n<sectionIf name=\"discount\">x</sectionIf>\n", Dialect.BRACKET,
                TemplatePart.BODY)).extracting(TemplateError::kind, TemplateError::line, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.UNKNOWN_TAG, 2, "<sectionIf name=\"discount\">"),
                        tuple(ErrorKind.UNKNOWN_TAG, 2, "</sectionIf>"));
    }
}
