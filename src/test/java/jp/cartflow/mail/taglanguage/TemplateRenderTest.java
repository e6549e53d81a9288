package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TemplateRenderTest {

    static final String YAMATO_URL = "https://toi.kuronekoyamato.example/cgi-bin/tneko?number={trackingNo}";
    static final String SAGAWA_URL = "https://k2k.sagawa.example/p/web/okurijosearch.do?okurijoNo={trackingNo}";

    /** A realistic order: 2 lines, 2 shipments with different carriers, ordered 2025-03-15 14:05:09 JST (Saturday). */
    static MailContext twoLinesTwoShipments(boolean includeSubscriptionNo) {
        OrderView order = OrderView.builder()
                .orderNo("20250315-0042")
                .orderDateTime(OffsetDateTime.of(2025, 3, 15, 5, 5, 9, 0, ZoneOffset.UTC))
                .name("山田", "花子").kana("ヤマダ", "ハナコ")
                .email("hanako@example.jp").tel("03-1234-5678").zip("150-0001").address("東京都渋谷区神宮前1-2-3")
                .paymentMethod("クレジットカード")
                .subtotal(12_800L).shippingFee(880L).paymentFee(0L).discount(500L).pointsUsed(1_000L).total(12_180L)
                .subscriptionNo("tk-13002")
                .nextDeliveryDate(LocalDate.of(2025, 4, 15))
                .build();
        List<OrderLineView> lines = List.of(
                OrderLineView.of("1024", "KM-MUG-01", "手びねりマグカップ(藍)", 3_200, 2),
                OrderLineView.of("2048", "KM-PLT-07", "益子焼 平皿 7寸", 6_400, 1));
        List<ShipmentView> shipments = List.of(
                ShipmentView.builder().name("山田", "花子").zip("150-0001").address("東京都渋谷区神宮前1-2-3")
                        .shippingMethod("2", "ヤマト運輸").trackingUrlTemplate(YAMATO_URL)
                        .trackingNumber("4321-8765-0001").shippedDate(LocalDate.of(2025, 3, 17))
                        .attributes(Map.of(90, "株式会社こもれび"))
                        .build(),
                ShipmentView.builder().name("佐藤", "一郎").zip("530-0001").address("大阪府大阪市北区梅田1-1-1")
                        .shippingMethod("3", "佐川急便").trackingUrlTemplate(SAGAWA_URL)
                        .trackingNumber("998877665544").shippedDate(LocalDate.of(2025, 3, 18))
                        .build());
        return MailContext.builder()
                .shop(new ShopView("クラフト雑貨 こもれび", "https://komorebi.example.jp/", "info@komorebi.example.jp"))
                .order(order).lines(lines).shipments(shipments)
                .orderAttributes(Map.of(90, "株式会社こもれび", 91, "営業部"))
                .includeSubscriptionNo(includeSubscriptionNo)
                .build();
    }

    private static String render(String body, MailContext ctx) {
        return TemplateParser.parse(body, Dialect.COMMENT_TAGS).render(ctx);
    }

    @Test
    @DisplayName("MAIL-1 MAIL-2 shipping-complete: each block repeats, each tracking URL holds its own number")
    void shippingComplete() {
        String body = """
                <!--{orderAttribute id=90}-->
                <!--{orderName1}--> <!--{orderName2}--> 様
                ご注文日時:<!--{orderDateTime|date_format:'%Y年%m月%d日 %H時%M分'}-->
                <sectionOrderItem>
                ・<!--{productName}--> <!--{unitPrice}-->円 × <!--{quantity}--> = <!--{lineTotal}-->円
                </sectionOrderItem>
                お支払合計:<!--{total}-->円
                <sectionShipping>
                ■<!--{shippingName1}--> 様 <!--{shippingMethod}-->(ID <!--{shippingMethodId}-->)
                伝票番号:<!--{trackingNumber}-->
                <!--{deliveryTrackingUrl}-->
                </sectionShipping>
                1件目の伝票:<!--{trackingNumber}--> <!--{shippingMethod}-->
                """;
        assertThat(render(body, twoLinesTwoShipments(false))).isEqualTo("""
                株式会社こもれび
                山田 花子 様
                ご注文日時:2025年03月15日 14時05分
                ・手びねりマグカップ(藍) 3,200円 × 2 = 6,400円
                ・益子焼 平皿 7寸 6,400円 × 1 = 6,400円
                お支払合計:12,180円
                ■山田 様 ヤマト運輸(ID 2)
                伝票番号:4321-8765-0001
                https://toi.kuronekoyamato.example/cgi-bin/tneko?number=4321-8765-0001
                ■佐藤 様 佐川急便(ID 3)
                伝票番号:998877665544
                https://k2k.sagawa.example/p/web/okurijosearch.do?okurijoNo=998877665544
                1件目の伝票:4321-8765-0001 ヤマト運輸
                """);
    }

    @Test
    @DisplayName("MAIL-1 date_format renders Japanese dates with the weekday, in Asia/Tokyo")
    void dateFormatJapanese() {
        String out = render("<!--{orderDateTime|date_format:'%Y年%m月%d日(%a) %p%I時%M分 %A'}-->|<!--{nextDeliveryDate|date_format:'%m月%e日(%a)'}-->|<!--{orderDateTime}-->|<!--{nextDeliveryDate}-->",
                twoLinesTwoShipments(false));
        assertThat(out).isEqualTo("2025年03月15日(土) 午後02時05分 土曜日|04月15日(火)|2025/03/15 14:05:09|2025/04/15");
    }

    @Test
    @DisplayName("MAIL-1 orderAttribute 90/91 and shippingAttribute per shipment; unknown ids render empty")
    void attributes() {
        String out = render("""
                <!--{orderAttribute id=90}--> <!--{orderAttribute id=91}-->[<!--{orderAttribute id=12}-->]
                <sectionShipping>[<!--{shippingAttribute id=90}-->]</sectionShipping>
                """, twoLinesTwoShipments(false));
        assertThat(out).isEqualTo("株式会社こもれび 営業部[]\n[株式会社こもれび][]\n");
    }

    @Test
    @DisplayName("MEM-1 a date member attribute takes date_format; a non-date value fails at render time")
    void dateAttribute() {
        ParsedTemplate t = TemplateParser.parse("<!--{orderAttribute id=12|date_format:'%Y年%m月%d日(%a)'}-->",
                Dialect.COMMENT_TAGS);
        assertThat(t.render(MailContext.builder().orderAttributes(Map.of(12, "1988-07-21")).build()))
                .isEqualTo("1988年07月21日(木)");
        assertThat(t.render(MailContext.builder().build())).isEmpty();
        assertThatThrownBy(() -> t.render(MailContext.builder().orderAttributes(Map.of(12, "赤")).build()))
                .isInstanceOf(TemplateRenderException.class)
                .hasMessageContaining("date_format");
    }

    @Test
    @DisplayName("SUB-30 subscriptionNo is shown only when the send asks for it")
    void subscriptionNo() {
        ParsedTemplate t = TemplateParser.parse("定期購入番号:<!--{subscriptionNo}-->", Dialect.COMMENT_TAGS);
        assertThat(t.render(twoLinesTwoShipments(true))).isEqualTo("定期購入番号:tk-13002");
        assertThat(t.render(twoLinesTwoShipments(false))).isEqualTo("定期購入番号:");
    }

    @Test
    @DisplayName("MAIL-1 missing values render empty; empty lists render no block")
    void missingValues() {
        String out = render("[<!--{orderNo}-->][<!--{total}-->][<!--{orderDateTime|date_format:'%Y'}-->][<!--{deliveryTrackingUrl}-->]"
                + "<sectionOrderItem>x</sectionOrderItem><sectionShipping>y</sectionShipping>", MailContext.builder().build());
        assertThat(out).isEqualTo("[][][][]");
    }

    @Test
    @DisplayName("MAIL-1 money has thousands separators and no currency sign")
    void money() {
        MailContext ctx = MailContext.builder().order(OrderView.builder().total(1_234_567L).subtotal(0L).build()).build();
        assertThat(render("<!--{total}-->/<!--{subtotal}-->", ctx)).isEqualTo("1,234,567/0");
    }

    @Test
    @DisplayName("MAIL-1 a subject renders on one line even when a value holds a line break")
    void subjectStaysOneLine() {
        MailTemplate t = MailTemplate.parse("【<!--{shopName}-->】<!--{orderMemo}-->", "<!--{orderMemo}-->", Dialect.COMMENT_TAGS);
        RenderedMail mail = t.render(MailContext.builder()
                .shop(new ShopView("こもれび", null, null))
                .order(OrderView.builder().memo("一行目\r\nBcc: evil@example.jp").build()).build());
        assertThat(mail.subject()).isEqualTo("【こもれび】一行目 Bcc: evil@example.jp");
        assertThat(mail.body()).isEqualTo("一行目\r\nBcc: evil@example.jp");
    }

    @Test
    @DisplayName("MAIL-1 instants render in Asia/Tokyo by default")
    void instantDefault() {
        MailContext ctx = MailContext.builder()
                .order(OrderView.builder().orderDateTime(Instant.parse("2025-12-31T15:30:00Z")).build()).build();
        assertThat(render("<!--{orderDateTime}-->", ctx)).isEqualTo("2026/01/01 00:30:00");
    }
}
