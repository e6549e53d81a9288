package jp.cartflow.order;

import jp.cartflow.shop.Shop;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The slip renderer on its own: amounts that print only when set, the shop's own lines, text the font lacks. */
class OrderSlipsTest {

    // 2026-11-30 23:30 in Tokyo is still the 30th there, though the server clock says 14:30 UTC
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T14:30:00Z"), ZoneOffset.UTC);
    private static final Shop SHOP = new Shop(1, "demo", "こもれび珈琲店", "shop@komorebi.example.jp", null);

    private static OrderQueries.Detail order(List<OrderQueries.Line> lines, OrderQueries.Totals totals,
                                             String customerName, OrderQueries.SubscriptionRef sub) {
        return new OrderQueries.Detail("K-20261130-0001", Instant.parse("2026-11-29T15:10:00Z"), "NEW",
                "hanako@example.jp", customerName, null, "03-1234-5678", "1500002", "東京都 渋谷区 渋谷2-21-1",
                false, "不在時は宅配ボックスへ\n(夜間)", "internal note", Map.of(91, "総務部"), lines, totals,
                new OrderQueries.Payment("ZEUS_CARD", "クレジットカード", "CAPTURED", false, null),
                List.of(new OrderQueries.ShipmentDetail(1, "佐藤 花子", "5300001", "大阪府 大阪市北区 梅田3-1-1",
                        null, "yamato", "ヤマト運輸", null, null, null, null, List.of())), sub, List.of());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    @DisplayName("fees, 値引き and ポイント利用 print when set; the issue date is today in Tokyo; the shop's address, "
            + "phone and payee note print when configured")
    void everythingSet() throws IOException {
        OrderSlips slips = new OrderSlips(CLOCK, "〒150-0001 東京都渋谷区神宮前1-2-3", "03-0000-1111",
                "三菱UFJ銀行 渋谷支店 普通 1234567\nお振込手数料はご負担ください");
        List<OrderQueries.Line> lines = List.of(new OrderQueries.Line(1, "CF-COFFEE-200",
                "有機栽培コーヒー豆 中煎り 200g とても長い商品名が列の幅を超えるときは次の行に折り返して印字します", 1620, 2, 3240));
        byte[] pdf = slips.render(OrderSlips.Kind.INVOICE, SHOP,
                order(lines, new OrderQueries.Totals(3240, 880, 330, 220, 500, 100, 30, 4070), "山田 太郎", null));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/invoice-sample.pdf"), pdf);

        String text = text(pdf);
        assertThat(text).contains("請求書", "発行日 2026/11/30", "ご注文日 2026/11/30", "総務部", "山田 太郎 様",
                "〒150-0002 東京都 渋谷区 渋谷2-21-1", "〒150-0001 東京都渋谷区神宮前1-2-3", "TEL 03-0000-1111",
                "お支払方法 クレジットカード", "手数料 330円", "クール便料金 220円", "値引き -500円",
                "ポイント利用 -100pt", "合計(税込) 4,070円", "ご請求金額 4,070円(税込)", "三菱UFJ銀行 渋谷支店",
                "お振込手数料はご負担ください", "不在時は宅配ボックスへ (夜間)", "次の行に折り返し", "印字します")
                .doesNotContain("internal note", "定期購入番号", "お届け希望日");
    }

    @Test
    @DisplayName("no configured shop lines, no fees: only what the order has prints; the delivery slip has no payee note")
    void nothingExtra() throws IOException {
        OrderSlips slips = new OrderSlips(CLOCK, "", "", "振込先の案内");
        byte[] pdf = slips.render(OrderSlips.Kind.DELIVERY_SLIP, SHOP, order(List.of(
                new OrderQueries.Line(1, "CF-TEA-100", "紅茶", 1000, 1, 1000)),
                new OrderQueries.Totals(1000, 0, 0, 0, 0, 0, 0, 1000), "佐藤 花子", null));
        assertThat(text(pdf)).contains("納品書", "送料 0円", "合計(税込) 1,000円")
                .doesNotContain("手数料", "クール便", "値引き", "ポイント利用", "ご請求金額", "振込先の案内", "TEL 03-0000");
    }

    @Test
    @DisplayName("SUB-23 a schedule the order carries in another shape prints as it is, with the next date")
    void otherScheduleText() throws IOException {
        OrderSlips slips = new OrderSlips(CLOCK, "", "", "");
        byte[] pdf = slips.render(OrderSlips.Kind.DELIVERY_SLIP, SHOP, order(List.of(),
                new OrderQueries.Totals(0, 0, 0, 0, 0, 0, 0, 0), "佐藤 花子",
                new OrderQueries.SubscriptionRef("S-1", 3, LocalDate.of(2027, 1, 20), "14日ごと")));
        assertThat(text(pdf)).contains("定期購入番号 S-1", "お届け回数 第3回", "お届け予定 14日ごと",
                "次回お届け予定日 2027/01/20");
    }

    @Test
    @DisplayName("characters the font lacks (emoji, controls) print as 〓 instead of failing; 120 lines make pages")
    void oddTextAndManyPages() throws IOException {
        OrderSlips slips = new OrderSlips(CLOCK, "", "", "");
        List<OrderQueries.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(new OrderQueries.Line(i, "P-" + i, "ギフト😀セット\u0007" + i, 100, 1, 100));
        }
        byte[] pdf = slips.render(OrderSlips.Kind.DELIVERY_SLIP, SHOP, order(lines,
                new OrderQueries.Totals(12000, 0, 0, 0, 0, 0, 0, 12000), "Zoë 𠮷野\t家" + "長".repeat(60), null));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/delivery-slip-sample.pdf"), pdf);
        String text = text(pdf);
        assertThat(text).contains("ギフト〓セット 120", "P-120", "合計(税込) 12,000円", "Zoë", "長長 様");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            // the 60-character name wraps inside the page instead of running off its right edge
            PDFTextStripper firstLines = new PDFTextStripper();
            firstLines.setEndPage(1);
            assertThat(firstLines.getText(doc).lines().filter(l -> l.contains("長")).count()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    @DisplayName("the file name is ASCII: the slip's kind and the order number")
    void fileName() {
        assertThat(OrderSlips.fileName(OrderSlips.Kind.INVOICE, "D-100001")).isEqualTo("invoice-D-100001.pdf");
        assertThat(OrderSlips.fileName(OrderSlips.Kind.DELIVERY_SLIP, "注文/1\"")).isEqualTo("delivery-slip-___1_.pdf");
    }
}
