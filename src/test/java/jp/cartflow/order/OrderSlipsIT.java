package jp.cartflow.order;

import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.SubscriptionCheckout;
import jp.cartflow.subscription.TestSubscriptions;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/orders/{orderNo}/delivery-slip.pdf and /invoice.pdf, read back with PDFBox's text extraction (SUB-23). */
class OrderSlipsIT extends PostgresIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
    @Autowired TestOrders testOrders;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private ResponseEntity<byte[]> get(String user, String path) {
        TestRestTemplate client = user == null ? rest : rest.withBasicAuth(user, user);
        return client.getForEntity(path, byte[].class);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int pages(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        }
    }

    /** Every font of every page: embedded, and as a subset (the name carries the six-letter subset tag). */
    private static List<PDFont> fonts(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
        }
        return fonts;
    }

    /** The label the demo shop's yamato gives a time slot code. */
    private String slotLabel(String code) {
        return jdbc.sql("""
                SELECT t.label FROM carrier_time_slot t JOIN carrier c ON c.id = t.carrier_id JOIN shop s ON s.id = c.shop_id
                WHERE s.code = 'demo' AND c.code = 'yamato' AND t.code = :code""").param("code", code)
                .query(String.class).single();
    }

    /** The first order of a subscription checked out on 2032-03-10 (Tokyo), delivered on the 20th of each month. */
    private SubscriptionCheckout.Created subscriptionOrder() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2032, 3, 10, 9, 30, 0, 0, TOKYO).toInstant());
        return subscriptions.create("yamada", 20, LocalDate.of(2032, 3, 20), PaymentMethodCode.COD, null);
    }

    @Test
    @DisplayName("SUB-23 the delivery slip of a subscription order prints its subscription no. and next delivery, "
            + "in an embedded Japanese font subset")
    void deliverySlipOfSubscriptionOrder() throws IOException {
        SubscriptionCheckout.Created created = subscriptionOrder();
        Map<String, Object> order = jdbc.sql("""
                SELECT next_delivery_schedule, total FROM customer_order WHERE order_no = :no""")
                .param("no", created.firstOrderNo()).query().singleRow();
        LocalDate next = jdbc.sql("SELECT next_delivery_date FROM customer_order WHERE order_no = :no")
                .param("no", created.firstOrderNo()).query(LocalDate.class).single();

        ResponseEntity<byte[]> slip = get("operator", "/api/orders/" + created.firstOrderNo() + "/delivery-slip.pdf");

        assertThat(slip.getStatusCode().value()).isEqualTo(200);
        assertThat(slip.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(slip.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("inline; filename=\"delivery-slip-" + created.firstOrderNo() + ".pdf\"");
        String text = text(slip.getBody());
        assertThat(text).contains("納品書", created.firstOrderNo(), "ご注文日 2032/03/10",
                "有機栽培コーヒー豆 中煎り 200g", "CF-COFFEE-200", "CF-TEA-100",
                "合計(税込) " + String.format("%,d円", ((Number) order.get("total")).longValue()),
                "定期購入番号 " + created.subscriptionNo(), "お届け回数 第1回",
                "次回お届け予定日 " + next.format(DateTimeFormatter.ofPattern("uuuu/MM/dd")),
                "お届け周期 毎月20日", "代金引換", "お届け先", "お届け時間帯 " + slotLabel("AM"));
        assertThat((String) order.get("next_delivery_schedule")).startsWith("毎月20日");
        assertThat(next).isEqualTo(LocalDate.of(2032, 4, 20));
        assertThat(fonts(slip.getBody())).isNotEmpty().allSatisfy(font -> {
            assertThat(font.isEmbedded()).as(font.getName()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+IPAexGothic");
        });
        assertThat(slip.getBody().length).as("subset, not the 6 MB font").isLessThan(150_000);
    }

    @Test
    @DisplayName("SUB-23 the invoice adds the billed amount and keeps the subscription no. and next delivery")
    void invoiceOfSubscriptionOrder() throws IOException {
        SubscriptionCheckout.Created created = subscriptionOrder();
        long total = jdbc.sql("SELECT total FROM customer_order WHERE order_no = :no")
                .param("no", created.firstOrderNo()).query(Long.class).single();

        ResponseEntity<byte[]> invoice = get("storefront", "/api/orders/" + created.firstOrderNo() + "/invoice.pdf");

        assertThat(invoice.getStatusCode().value()).isEqualTo(200);
        assertThat(invoice.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("inline; filename=\"invoice-" + created.firstOrderNo() + ".pdf\"");
        String text = text(invoice.getBody());
        assertThat(text).contains("請求書", "ご請求金額 " + String.format("%,d円", total) + "(税込)",
                "定期購入番号 " + created.subscriptionNo(), "次回お届け予定日 2032/04/20")
                .doesNotContain("納品書");
        assertThat(fonts(invoice.getBody())).allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
    }

    @Test
    @DisplayName("SUB-23 a regular order's slips print no subscription lines, and no 値引き or ポイント利用 when zero")
    void regularOrder() throws IOException {
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "sato", "yamato");

        for (String slip : List.of("delivery-slip.pdf", "invoice.pdf")) {
            ResponseEntity<byte[]> pdf = get("operator", "/api/orders/" + orderNo + "/" + slip);
            assertThat(pdf.getStatusCode().value()).isEqualTo(200);
            String text = text(pdf.getBody());
            assertThat(text).contains(orderNo, "ご注文日 2026/11/18", "株式会社テスト商事", "有機栽培コーヒー豆 中煎り 200g",
                    "小計 4,320円", "送料 880円", "手数料 330円", "合計(税込) 5,530円", "お届け時間帯 " + slotLabel("14-16"))
                    .doesNotContain("定期購入番号", "次回お届け予定日", "値引き", "ポイント利用", "クール便");
        }
    }

    @Test
    @DisplayName("an order with 60 lines breaks over pages, repeats the table header and prints every line and the total")
    void longOrderBreaksPages() throws IOException {
        String orderNo = TestOrders.newOrderNo();
        long id = testOrders.create(orderNo, "sato", "yamato");
        for (int line = 3; line <= 60; line++) {
            jdbc.sql("""
                    INSERT INTO order_line (order_id, line_no, product_id, product_code, product_name, unit_price, quantity)
                    SELECT :order, :line, p.id, 'LINE-' || :line, p.name || ' 詰め合わせ第' || :line || '便', 100, 1
                    FROM product p WHERE p.product_code = 'CF-TEA-100'""")
                    .param("order", id).param("line", line).update();
        }

        byte[] pdf = get("operator", "/api/orders/" + orderNo + "/delivery-slip.pdf").getBody();

        int pages = pages(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(2);
        String text = text(pdf);
        for (int line = 3; line <= 60; line++) {
            assertThat(text).contains("LINE-" + line + " ");
        }
        assertThat(text).contains("合計(税込) 5,530円", "1 / " + pages, pages + " / " + pages);
        assertThat(text.split("商品コード", -1)).as("the table header on every page").hasSize(pages + 1);
    }

    @Test
    @DisplayName("an unknown order is 404 problem+json naming the order, whatever the client accepts; odd numbers never 5xx")
    void unknownOrder() {
        for (String slip : List.of("delivery-slip.pdf", "invoice.pdf")) {
            ResponseEntity<String> plain = rest.withBasicAuth("operator", "operator")
                    .getForEntity("/api/orders/NO-SUCH-ORDER/" + slip, String.class);
            assertThat(plain.getStatusCode().value()).isEqualTo(404);
            assertThat(String.valueOf(plain.getHeaders().getContentType())).startsWith("application/problem+json");
            assertThat(plain.getBody()).contains("\"field\":\"orderNo\"", "NO-SUCH-ORDER");

            HttpHeaders accept = new HttpHeaders();
            accept.setAccept(List.of(MediaType.APPLICATION_PDF));
            ResponseEntity<String> pdfOnly = rest.withBasicAuth("operator", "operator").exchange(
                    "/api/orders/NO-SUCH-ORDER/" + slip, HttpMethod.GET, new HttpEntity<>(accept), String.class);
            assertThat(pdfOnly.getStatusCode().value()).isEqualTo(404);
            assertThat(String.valueOf(pdfOnly.getHeaders().getContentType())).startsWith("application/problem+json");
        }
        for (String odd : List.of("x".repeat(5000), "%E2%80%AE%F0%9F%98%80", "%27%3B--", "..%2F..%2Fetc", "%00")) {
            ResponseEntity<byte[]> answer = get("operator", "/api/orders/" + odd + "/invoice.pdf");
            assertThat(answer.getStatusCode().value()).as(odd).isBetween(400, 499);
        }
    }

    @Test
    @DisplayName("strangers get 401 and the inventory tools 403, both as problem+json; the slips are not public")
    void security() {
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "sato", "yamato");
        for (String slip : List.of("delivery-slip.pdf", "invoice.pdf")) {
            ResponseEntity<byte[]> anonymous = get(null, "/api/orders/" + orderNo + "/" + slip);
            assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
            assertThat(String.valueOf(anonymous.getHeaders().getContentType())).startsWith("application/problem+json");
            ResponseEntity<byte[]> tool = get("tempostar", "/api/orders/" + orderNo + "/" + slip);
            assertThat(tool.getStatusCode().value()).isEqualTo(403);
            assertThat(new String(tool.getBody(), StandardCharsets.UTF_8)).doesNotContain("%PDF");
            assertThat(get("demo", "/api/orders/" + orderNo + "/" + slip).getStatusCode().value()).isEqualTo(200);
        }
    }
}
