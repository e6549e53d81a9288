package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DefaultTemplatesTest {

    @ParameterizedTest
    @EnumSource(TemplateKey.class)
    @DisplayName("MAIL-1 SUB-29 every default template parses with its own dialect")
    void allParse(TemplateKey key) {
        assertThatCode(() -> DefaultTemplates.load(key)).doesNotThrowAnyException();
        assertThat(DefaultTemplates.source(key).subject()).isNotBlank().doesNotContain("\n");
    }

    @ParameterizedTest
    @EnumSource(TemplateKey.class)
    @DisplayName("MAIL-5 every default template can be sent as ISO-2022-JP (JIS X 0208 characters only)")
    void iso2022jpSafe(TemplateKey key) {
        DefaultTemplates.Source source = DefaultTemplates.source(key);
        java.nio.charset.CharsetEncoder encoder = java.nio.charset.Charset.forName("ISO-2022-JP").newEncoder();
        assertThat(encoder.canEncode(source.subject() + "\n" + source.body())).isTrue();
    }

    @Test
    @DisplayName("MAIL-2 SUB-30 default shipping-complete mail: per-carrier URLs, items, company, subscription number")
    void shippingComplete() {
        DefaultTemplates.Source source = DefaultTemplates.source(TemplateKey.SHIPPING_COMPLETE);
        assertThat(source.body())
                .contains("<!--{orderDateTime|date_format:'%Y年%m月%d日 %H時%M分'}-->", "<sectionOrderItem>",
                        "<sectionShipping>", "<!--{shippingMethod}-->", "<!--{trackingNumber}-->",
                        "<!--{deliveryTrackingUrl}-->", "<!--{orderAttribute id=90}-->", "<!--{subscriptionNo}-->");

        RenderedMail mail = DefaultTemplates.load(TemplateKey.SHIPPING_COMPLETE)
                .render(TemplateRenderTest.twoLinesTwoShipments(true));

        assertThat(mail.subject()).isEqualTo("【クラフト雑貨 こもれび】商品発送のお知らせ(ご注文番号:20250315-0042)");
        assertThat(mail.body())
                .startsWith("株式会社こもれび\n山田 花子 様\n")
                .contains("ご注文日時:2025年03月15日 14時05分\n")
                .contains("定期購入番号:tk-13002\n")
                .contains("商品名:手びねりマグカップ(藍)(商品コード:KM-MUG-01)\n単価:3,200円 × 数量:2 = 6,400円\n"
                        + "商品名:益子焼 平皿 7寸(商品コード:KM-PLT-07)\n")
                .contains("配送方法:ヤマト運輸\n")
                .contains("配送状況の確認:https://toi.kuronekoyamato.example/cgi-bin/tneko?number=4321-8765-0001\n")
                .contains("配送方法:佐川急便\n")
                .contains("配送状況の確認:https://k2k.sagawa.example/p/web/okurijosearch.do?okurijoNo=998877665544\n")
                .contains("発送日:2025年03月18日\n")
                .doesNotContain("<!--{", "<section", "</section");
    }

    @Test
    @DisplayName("SUB-28 default my-page change notice names member, member id, subscription number and the change")
    void mypageChangeNotice() {
        MailContext ctx = MailContext.builder()
                .shop(new ShopView("クラフト雑貨 こもれび", null, null))
                .member(MemberView.builder().memberId("10234").name("山田", "花子").email("hanako@example.jp").build())
                .order(OrderView.builder().subscriptionNo("tk-13002").nextDeliveryDate(LocalDate.of(2025, 4, 25)).build())
                .changeSummary("お届け周期: 毎月15日 → 毎月25日")
                .includeSubscriptionNo(true)
                .build();
        RenderedMail mail = DefaultTemplates.load(TemplateKey.MYPAGE_CHANGE_NOTICE).render(ctx);
        assertThat(mail.subject()).contains("会員情報変更通知").contains("tk-13002");
        assertThat(mail.body()).contains("会員ID:10234", "氏名:山田 花子 様", "定期購入番号:tk-13002",
                "2025年04月25日(金)", "お届け周期: 毎月15日 → 毎月25日");
    }

    @Test
    @DisplayName("SUB-29 default card-expiry reminder is a bracket template using many member tags")
    void cardExpiryReminder() {
        DefaultTemplates.Source source = DefaultTemplates.source(TemplateKey.CARD_EXPIRY_REMINDER);
        long used = java.util.Arrays.stream(BracketTag.values()).filter(t -> source.body().contains(t.syntax())).count();
        assertThat(used).isGreaterThanOrEqualTo(15);
        RenderedMail mail = DefaultTemplates.load(TemplateKey.CARD_EXPIRY_REMINDER).render(MailContext.builder()
                .member(MemberView.builder().name("山田", "花子").build()).build());
        assertThat(mail.body()).startsWith("山田 花子 様\n");
    }
}
