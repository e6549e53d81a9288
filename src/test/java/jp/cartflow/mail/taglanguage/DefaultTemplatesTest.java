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

    @Test
    @DisplayName("MAIL-1 SUB-16 order confirmation, regular order: no empty 定期購入番号 line, no -0円 / -0pt, slot and date 指定なし")
    void orderConfirmationRegularOrder() {
        RenderedMail mail = DefaultTemplates.load(TemplateKey.ORDER_CONFIRMATION).render(DefaultTemplateFixtures.regularOrder());
        assertThat(mail.subject()).isEqualTo("【クラフト雑貨 こもれび】ご注文ありがとうございます(ご注文番号:20261130-0007)");
        assertThat(mail.body()).isEqualTo("""
                山田 花子 様

                このたびはクラフト雑貨 こもれびでお買い上げいただき、誠にありがとうございます。
                下記の内容でご注文を承りました。内容にお間違いがないかご確認ください。

                ==================================================
                ■ご注文内容
                ==================================================
                ご注文番号:20261130-0007
                ご注文日時:2026年11月30日(月) 14時05分
                お支払方法:代金引換

                商品名:手びねりマグカップ(藍)
                商品コード:KM-MUG-01
                単価:3,200円 × 1 = 3,200円

                --------------------------------------------------
                商品合計:3,200円
                送料:880円
                決済手数料:330円
                お支払合計:4,410円

                ==================================================
                ■ご注文者
                ==================================================
                お名前:山田 花子(ヤマダ ハナコ)様
                〒150-0001 東京都渋谷区神宮前1-2-3
                電話番号:03-1234-5678
                Eメール:hanako@example.jp

                ==================================================
                ■お届け先
                ==================================================
                お名前:山田 花子(ヤマダ ハナコ)様
                〒150-0001 東京都渋谷区神宮前1-2-3
                電話番号:03-1234-5678
                配送方法:ヤマト運輸
                お届け希望日:指定なし
                お届け時間帯:指定なし

                商品の発送準備が整いましたら、あらためて発送完了のご連絡をいたします。
                ご不明な点がございましたら、お気軽にお問い合わせください。

                --------------------------------------------------
                クラフト雑貨 こもれび
                お問い合わせ:info@komorebi.example.jp
                --------------------------------------------------
                """);
        assertThat(mail.body()).doesNotContain("定期購入番号", "値引き", "ポイント利用", "会社名", "備考", "null");
    }

    @Test
    @DisplayName("MAIL-1 SUB-16 SUB-30 order confirmation, subscription order: 定期購入番号, discount, points, company, slot label")
    void orderConfirmationSubscriptionOrder() {
        RenderedMail mail = DefaultTemplates.load(TemplateKey.ORDER_CONFIRMATION).render(DefaultTemplateFixtures.subscriptionOrder());
        assertThat(mail.subject()).isEqualTo("【クラフト雑貨 こもれび】ご注文ありがとうございます(ご注文番号:20261130-0008)");
        assertThat(mail.body()).isEqualTo("""
                山田 花子 様

                このたびはクラフト雑貨 こもれびでお買い上げいただき、誠にありがとうございます。
                下記の内容でご注文を承りました。内容にお間違いがないかご確認ください。

                ==================================================
                ■ご注文内容
                ==================================================
                ご注文番号:20261130-0008
                ご注文日時:2026年11月30日(月) 14時05分
                定期購入番号:tk-13002
                お支払方法:クレジットカード

                商品名:自家焙煎コーヒー豆 200g
                商品コード:KM-BEAN-01
                単価:3,200円 × 2 = 6,400円

                --------------------------------------------------
                商品合計:6,400円
                送料:880円
                決済手数料:0円
                値引き:-300円
                ポイント利用:-200pt
                お支払合計:6,780円

                ==================================================
                ■ご注文者
                ==================================================
                お名前:山田 花子(ヤマダ ハナコ)様
                会社名:株式会社こもれび
                部署名:営業部
                〒150-0001 東京都渋谷区神宮前1-2-3
                電話番号:03-1234-5678
                Eメール:hanako@example.jp

                ==================================================
                ■お届け先
                ==================================================
                お名前:山田 花子(ヤマダ ハナコ)様
                〒150-0001 東京都渋谷区神宮前1-2-3
                電話番号:03-1234-5678
                配送方法:ヤマト運輸
                お届け希望日:2026年12月03日(木)
                お届け時間帯:14〜16時

                備考:置き配希望

                商品の発送準備が整いましたら、あらためて発送完了のご連絡をいたします。
                ご不明な点がございましたら、お気軽にお問い合わせください。

                --------------------------------------------------
                クラフト雑貨 こもれび
                https://komorebi.example.jp/
                お問い合わせ:info@komorebi.example.jp
                --------------------------------------------------
                """);
        assertThat(mail.body()).contains("定期購入番号:tk-13002\n", "値引き:-300円\n", "ポイント利用:-200pt\n",
                "お届け時間帯:14〜16時\n");
    }

    @Test
    @DisplayName("MAIL-2 SUB-16 shipping mail, regular order: every parcel with its own tracking URL, no empty lines for missing values")
    void shippingCompleteRegularOrder() {
        RenderedMail mail = DefaultTemplates.load(TemplateKey.SHIPPING_COMPLETE).render(DefaultTemplateFixtures.regularOrder());
        assertThat(mail.subject()).isEqualTo("【クラフト雑貨 こもれび】商品発送のお知らせ(ご注文番号:20261130-0007)");
        assertThat(mail.body()).isEqualTo("""
                山田 花子 様

                このたびはクラフト雑貨 こもれびをご利用いただき、誠にありがとうございます。
                ご注文いただいた商品を本日発送いたしましたので、お知らせいたします。
                お届けまで今しばらくお待ちくださいませ。

                ==================================================
                ■ご注文内容
                ==================================================
                ご注文番号:20261130-0007
                ご注文日時:2026年11月30日 14時05分
                お支払方法:代金引換

                商品名:手びねりマグカップ(藍)(商品コード:KM-MUG-01)
                単価:3,200円 × 数量:1 = 3,200円

                --------------------------------------------------
                商品合計:3,200円
                送料:880円
                決済手数料:330円
                お支払合計:4,410円

                ==================================================
                ■発送情報
                ==================================================
                お届け先:山田 花子 様
                〒150-0001 東京都渋谷区神宮前1-2-3
                配送方法:ヤマト運輸
                お届け希望日:指定なし
                お届け時間帯:指定なし
                発送日:2026年12月01日
                お問い合わせ伝票番号:4321-8765-0001
                配送状況の確認:https://toi.kuronekoyamato.example/cgi-bin/tneko?number=4321-8765-0001
                お問い合わせ伝票番号:4321-8765-0002
                配送状況の確認:https://toi.kuronekoyamato.example/cgi-bin/tneko?number=4321-8765-0002

                ※配送状況が反映されるまで、発送から半日ほどかかる場合がございます。

                ご不明な点がございましたら、お気軽にお問い合わせください。
                今後ともクラフト雑貨 こもれびをよろしくお願いいたします。

                --------------------------------------------------
                クラフト雑貨 こもれび
                お問い合わせ:info@komorebi.example.jp
                --------------------------------------------------
                """);
        assertThat(mail.body()).contains("お問い合わせ伝票番号:4321-8765-0002\n"
                + "配送状況の確認:https://toi.kuronekoyamato.example/cgi-bin/tneko?number=4321-8765-0002\n")
                .doesNotContain("定期購入番号", "値引き", "ポイント利用", "-0円", "-0pt");
    }

    @Test
    @DisplayName("MAIL-2 SUB-16 SUB-30 shipping mail, subscription order: company first, 定期購入番号, discount, points, slot label")
    void shippingCompleteSubscriptionOrder() {
        RenderedMail mail = DefaultTemplates.load(TemplateKey.SHIPPING_COMPLETE).render(DefaultTemplateFixtures.subscriptionOrder());
        assertThat(mail.subject()).isEqualTo("【クラフト雑貨 こもれび】商品発送のお知らせ(ご注文番号:20261130-0008)");
        assertThat(mail.body()).isEqualTo("""
                株式会社こもれび
                山田 花子 様

                このたびはクラフト雑貨 こもれびをご利用いただき、誠にありがとうございます。
                ご注文いただいた商品を本日発送いたしましたので、お知らせいたします。
                お届けまで今しばらくお待ちくださいませ。

                ==================================================
                ■ご注文内容
                ==================================================
                ご注文番号:20261130-0008
                ご注文日時:2026年11月30日 14時05分
                定期購入番号:tk-13002
                お支払方法:クレジットカード

                商品名:自家焙煎コーヒー豆 200g(商品コード:KM-BEAN-01)
                単価:3,200円 × 数量:2 = 6,400円

                --------------------------------------------------
                商品合計:6,400円
                送料:880円
                決済手数料:0円
                値引き:-300円
                ポイント利用:-200pt
                お支払合計:6,780円

                ==================================================
                ■発送情報
                ==================================================
                お届け先:山田 花子 様
                〒150-0001 東京都渋谷区神宮前1-2-3
                配送方法:ヤマト運輸
                お届け希望日:2026年12月03日(木)
                お届け時間帯:14〜16時
                発送日:2026年12月01日
                お問い合わせ伝票番号:4321-8765-0100
                配送状況の確認:https://toi.kuronekoyamato.example/cgi-bin/tneko?number=4321-8765-0100

                ※配送状況が反映されるまで、発送から半日ほどかかる場合がございます。

                ご不明な点がございましたら、お気軽にお問い合わせください。
                今後ともクラフト雑貨 こもれびをよろしくお願いいたします。

                --------------------------------------------------
                クラフト雑貨 こもれび
                https://komorebi.example.jp/
                お問い合わせ:info@komorebi.example.jp
                --------------------------------------------------
                """);
    }

    @Test
    @DisplayName("SUB-16 SUB-30 subscription thanks: number, next delivery and the slot's label")
    void subscriptionThanks() {
        RenderedMail mail = DefaultTemplates.load(TemplateKey.SUBSCRIPTION_THANKS).render(DefaultTemplateFixtures.subscriptionOrder());
        assertThat(mail.subject()).isEqualTo("【クラフト雑貨 こもれび】定期購入のお申し込みありがとうございます");
        assertThat(mail.body()).isEqualTo("""
                山田 花子 様

                このたびはクラフト雑貨 こもれびの定期購入にお申し込みいただき、誠にありがとうございます。
                下記の内容でお申し込みを承りました。

                ==================================================
                ■定期購入のご契約内容
                ==================================================
                定期購入番号:tk-13002
                初回のご注文番号:20261130-0008
                お申し込み日時:2026年11月30日(月) 14時05分
                お支払方法:クレジットカード
                次回お届け予定日:2026年12月25日(金)

                商品名:自家焙煎コーヒー豆 200g
                単価:3,200円 × 2 = 6,400円

                初回お支払合計:6,780円

                お届け先:山田 花子 様
                〒150-0001 東京都渋谷区神宮前1-2-3
                配送方法:ヤマト運輸 お届け時間帯:14〜16時

                2回目以降のお届けは、お届け予定日の数日前に自動でご注文を作成し、お届けいたします。
                お届け周期・お支払方法・お届け先の変更は、マイページの「定期購入」からお手続きいただけます。
                お届け商品の変更やスキップ、解約をご希望の場合は、ショップまでご連絡ください。

                --------------------------------------------------
                クラフト雑貨 こもれび
                https://komorebi.example.jp/
                お問い合わせ:info@komorebi.example.jp
                --------------------------------------------------
                """);
    }

    @Test
    @DisplayName("SUB-16 SUB-28 my-page change notice prints slot labels and 指定なし, never a code or null")
    void myPageChangeNoticeExact() {
        RenderedMail mail = DefaultTemplates.load(TemplateKey.MYPAGE_CHANGE_NOTICE).render(DefaultTemplateFixtures.myPageChange());
        assertThat(mail.subject()).isEqualTo("【クラフト雑貨 こもれび】会員情報変更通知(定期購入番号:tk-13002)");
        assertThat(mail.body()).isEqualTo("""
                クラフト雑貨 こもれび ご担当者様

                会員様がマイページから定期購入の内容を変更しました。
                変更内容をご確認のうえ、必要に応じて出荷や請求の手配を見直してください。

                ==================================================
                ■会員
                ==================================================
                会員ID:10234
                氏名:山田 花子 様
                Eメール:hanako@example.jp

                ==================================================
                ■定期購入
                ==================================================
                定期購入番号:tk-13002
                次回お届け予定日:2026年12月25日(金)

                ==================================================
                ■変更内容
                ==================================================
                山田 花子(10234) 様が定期購入番号:(tk-13002)の配送サイクルを変更しました
                お届け時間帯: 指定なし → 14〜16時
                次回お届け予定日: 2026/12/25

                ※このメールはシステムから自動送信しています。
                """);
        assertThat(mail.body()).doesNotContain("null");
    }
}
