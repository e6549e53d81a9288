package jp.cartflow.mail.taglanguage;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Two orders of the same buyer as the default templates see them: a regular one (no subscription, no discount, no
 * points, no company, no memo, no slot, no delivery date, shop without URL, one shipment sent as two parcels) and a
 * subscription one (everything set).
 */
final class DefaultTemplateFixtures {

    static final String YAMATO_URL = "https://toi.kuronekoyamato.example/cgi-bin/tneko?number={trackingNo}";

    private DefaultTemplateFixtures() {
    }

    static MailContext regularOrder() {
        OrderView order = OrderView.builder()
                .orderNo("20261130-0007")
                .orderDateTime(OffsetDateTime.of(2026, 11, 30, 5, 5, 0, 0, ZoneOffset.UTC))
                .name("山田", "花子").kana("ヤマダ", "ハナコ")
                .email("hanako@example.jp").tel("03-1234-5678").zip("150-0001").address("東京都渋谷区神宮前1-2-3")
                .paymentMethod("代金引換")
                .subtotal(3_200L).shippingFee(880L).paymentFee(330L).discount(0L).pointsUsed(0L).total(4_410L)
                .build();
        return MailContext.builder()
                .shop(new ShopView("クラフト雑貨 こもれび", null, "info@komorebi.example.jp"))
                .order(order)
                .lines(List.of(OrderLineView.of("1024", "KM-MUG-01", "手びねりマグカップ(藍)", 3_200, 1)))
                .shipments(List.of(ShipmentView.builder().name("山田", "花子").kana("ヤマダ", "ハナコ")
                        .zip("150-0001").address("東京都渋谷区神宮前1-2-3").tel("03-1234-5678")
                        .shippingMethod("yamato", "ヤマト運輸").trackingUrlTemplate(YAMATO_URL)
                        .timeSlot("指定なし")
                        .shippedDate(LocalDate.of(2026, 12, 1))
                        .trackingNumbers(List.of("4321-8765-0001", "4321-8765-0002"))
                        .build()))
                .orderAttributes(Map.of())
                .includeSubscriptionNo(false)
                .build();
    }

    static MailContext subscriptionOrder() {
        OrderView order = OrderView.builder()
                .orderNo("20261130-0008")
                .orderDateTime(OffsetDateTime.of(2026, 11, 30, 5, 5, 0, 0, ZoneOffset.UTC))
                .name("山田", "花子").kana("ヤマダ", "ハナコ")
                .email("hanako@example.jp").tel("03-1234-5678").zip("150-0001").address("東京都渋谷区神宮前1-2-3")
                .paymentMethod("クレジットカード")
                .subtotal(6_400L).shippingFee(880L).paymentFee(0L).discount(300L).pointsUsed(200L).total(6_780L)
                .memo("置き配希望")
                .subscriptionNo("tk-13002")
                .nextDeliveryDate(LocalDate.of(2026, 12, 25))
                .build();
        return MailContext.builder()
                .shop(new ShopView("クラフト雑貨 こもれび", "https://komorebi.example.jp/", "info@komorebi.example.jp"))
                .order(order)
                .lines(List.of(OrderLineView.of("2048", "KM-BEAN-01", "自家焙煎コーヒー豆 200g", 3_200, 2)))
                .shipments(List.of(ShipmentView.builder().name("山田", "花子").kana("ヤマダ", "ハナコ")
                        .zip("150-0001").address("東京都渋谷区神宮前1-2-3").tel("03-1234-5678")
                        .shippingMethod("yamato", "ヤマト運輸").trackingUrlTemplate(YAMATO_URL)
                        .timeSlot("14〜16時")
                        .deliveryDate(LocalDate.of(2026, 12, 3))
                        .shippedDate(LocalDate.of(2026, 12, 1))
                        .trackingNumber("4321-8765-0100")
                        .build()))
                .orderAttributes(Map.of(90, "株式会社こもれび", 91, "営業部"))
                .includeSubscriptionNo(true)
                .build();
    }

    /** The my-page change notice of SUB-28 as {@code MyPageSubscriptionService} fills it. */
    static MailContext myPageChange() {
        return MailContext.builder()
                .shop(new ShopView("クラフト雑貨 こもれび", null, "info@komorebi.example.jp"))
                .member(MemberView.builder().memberId("10234").name("山田", "花子").email("hanako@example.jp").build())
                .order(OrderView.builder().subscriptionNo("tk-13002").nextDeliveryDate(LocalDate.of(2026, 12, 25)).build())
                .changeSummary("山田 花子(10234) 様が定期購入番号:(tk-13002)の配送サイクルを変更しました\n"
                        + "お届け時間帯: 指定なし → 14〜16時\n次回お届け予定日: 2026/12/25")
                .includeSubscriptionNo(true)
                .build();
    }
}
