package jp.cartflow.shipping;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/orders/{orderNo}/shipments} end to end: REST → process → outbox → SMTP. */
class ShipmentRegistrationIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired GreenMail mailServer;
    @Autowired TestOrders testOrders;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void purge() throws Exception {
        mailServer.purgeEmailFromAllMailboxes();
    }

    private ResponseEntity<Map> post(String orderNo, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("storefront", "storefront")
                .postForEntity("/api/orders/" + orderNo + "/shipments", new HttpEntity<>(json, headers), Map.class);
    }

    @Test
    @DisplayName("MAIL-1 MAIL-2 one mail with the carrier's tracking URL, the order date in the template's format, "
            + "one block per line and per shipment, and attribute 90")
    void mailContent() throws Exception {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "yamato", "sagawa");
        // the second parcel went out earlier with Sagawa
        jdbc.sql("""
                INSERT INTO shipment_tracking_number (shipment_id, tracking_number)
                SELECT id, '555566667777' FROM shipment WHERE order_id = :order AND shipment_no = 2""")
                .param("order", orderId).update();

        ResponseEntity<Map> response = post(orderNo,
                "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],\"shippedDate\":\"2026-11-20\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getBody()).containsEntry("shipmentNo", 1);
        Jobs.runAll(management, (String) response.getBody().get("processInstanceId"));

        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        String body = (String) received[0].getContent();
        assertThat(body)
                .contains("https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789012")
                .contains("https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=555566667777")
                .contains("ご注文日時:2026年11月18日 10時15分")
                .contains("株式会社テスト商事");
        assertThat(body.split("商品名:", -1)).as("one block per order line").hasSize(3);
        assertThat(body.split("配送方法:", -1)).as("one block per shipment").hasSize(3);
        assertThat(received[0].getSubject()).contains(orderNo);
    }

    @Test
    @DisplayName("MAIL-2 SUB-16 a shipment of two parcels: both numbers, each with its own tracking URL; the slot's label; "
            + "no empty 定期購入番号 line and no -0円 / -0pt on a regular order (through SMTP)")
    void severalParcels() throws Exception {
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "yamada", "yamato");

        ResponseEntity<Map> response = post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":"
                + "[\"123456789012\",\"123456789013\"],\"shippedDate\":\"2026-11-20\"}");
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        Jobs.runAll(management, (String) response.getBody().get("processInstanceId"));

        String body = bodyOfMailAbout(orderNo).replace("\r\n", "\n");
        assertThat(body).contains("""
                配送方法:ヤマト運輸
                お届け希望日:2026年11月25日(水)
                お届け時間帯:14〜16時
                発送日:2026年11月20日
                お問い合わせ伝票番号:123456789012
                配送状況の確認:https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789012
                お問い合わせ伝票番号:123456789013
                配送状況の確認:https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=123456789013
                """);
        assertThat(body).contains("決済手数料:330円\nお支払合計:5,530円\n")
                .doesNotContain("定期購入番号", "値引き", "ポイント利用", "-0円", "-0pt", "14-16", "null");
    }

    @Test
    @DisplayName("SUB-30 the subscription number is in the mail only when the send asks for it")
    void subscriptionNumberOnRequest() throws Exception {
        String asked = TestOrders.newOrderNo();
        String notAsked = TestOrders.newOrderNo();
        for (String orderNo : new String[]{asked, notAsked}) {
            long orderId = testOrders.create(orderNo, "yamada", "yamato");
            jdbc.sql("UPDATE customer_order SET subscription_no = 'tk-13002' WHERE id = :id").param("id", orderId).update();
        }
        String shipment = "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],\"shippedDate\":\"2026-11-20\"";
        Jobs.runAll(management, (String) post(asked, shipment + ",\"includeSubscriptionNo\":true}").getBody().get("processInstanceId"));
        Jobs.runAll(management, (String) post(notAsked, shipment + "}").getBody().get("processInstanceId"));

        assertThat(bodyOfMailAbout(asked)).contains("定期購入番号:tk-13002");
        assertThat(bodyOfMailAbout(notAsked)).doesNotContain("tk-13002");
    }

    @Test
    @DisplayName("MAIL-5 a template set to ISO-2022-JP reaches the customer as ISO-2022-JP and decodes to the same Japanese text")
    void iso2022jpEndToEnd() throws Exception {
        long shopId = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        jdbc.sql("UPDATE mail_template SET charset = 'ISO-2022-JP' WHERE shop_id = :shop AND template_key = 'SHIPPING_COMPLETE'")
                .param("shop", shopId).update();
        try {
            String orderNo = TestOrders.newOrderNo();
            testOrders.create(orderNo, "yamada", "yamato");
            Jobs.runAll(management, (String) post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":"
                    + "[\"123456789012\"],\"shippedDate\":\"2026-11-20\"}").getBody().get("processInstanceId"));

            MimeMessage mail = mailServer.getReceivedMessages()[0];
            assertThat(mail.getContentType()).containsIgnoringCase("charset=ISO-2022-JP");
            assertThat(mail.getHeader("Subject", null)).startsWith("=?ISO-2022-JP?B?");
            assertThat(mail.getSubject()).isEqualTo("【カートフロー デモ商店】商品発送のお知らせ(ご注文番号:" + orderNo + ")");
            assertThat((String) mail.getContent()).contains("山田 太郎 様", "ご注文日時:2026年11月18日 10時15分",
                    "id=123456789012");
        } finally {
            jdbc.sql("UPDATE mail_template SET charset = 'UTF-8' WHERE shop_id = :shop AND template_key = 'SHIPPING_COMPLETE'")
                    .param("shop", shopId).update();
        }
    }

    private String bodyOfMailAbout(String orderNo) throws Exception {
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            if (message.getSubject().contains(orderNo)) {
                return (String) message.getContent();
            }
        }
        throw new AssertionError("no mail about " + orderNo);
    }

    @Test
    @DisplayName("bad input is refused with problem+json naming the field, and nothing is written or started")
    void badInput() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "yamato");
        long instancesBefore = runtime.createProcessInstanceQuery().count();

        assertProblem(post("NO-SUCH-ORDER", "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],"
                + "\"shippedDate\":\"2026-11-20\"}"), 404, "not-found", "orderNo");
        assertProblem(post(orderNo, "{\"carrierCode\":\"kangaroo\",\"trackingNumbers\":[\"123456789012\"],"
                + "\"shippedDate\":\"2026-11-20\"}"), 422, "validation", "carrierCode");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[],"
                + "\"shippedDate\":\"2026-11-20\"}"), 400, "validation", "trackingNumbers");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"12 34\"],"
                + "\"shippedDate\":\"2026-11-20\"}"), 422, "validation", "trackingNumbers[0]");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"12345\"],"
                + "\"shippedDate\":\"2026-11-20\"}"), 422, "validation", "trackingNumbers[0]");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],"
                + "\"shippedDate\":\"20-11-2026\"}"), 400, "malformed-request", "shippedDate");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"]}"),
                400, "validation", "shippedDate");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],"
                + "\"shippedDate\":\"2026-11-20\",\"colour\":\"red\"}"), 400, "malformed-request", "colour");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":\"123456789012\","
                + "\"shippedDate\":\"2026-11-20\"}"), 400, "malformed-request", "trackingNumbers");
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],"
                + "\"shippedDate\":\"2099-01-01\"}"), 422, "validation", "shippedDate");
        // outside the business window of 2000-2100: not even read (issue 9)
        assertProblem(post(orderNo, "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],"
                + "\"shippedDate\":\"2999-01-01\"}"), 400, "malformed-request", "shippedDate");

        assertThat(testOrders.trackingNumberCount(orderId)).isZero();
        assertThat(testOrders.outboxCount(orderId)).isZero();
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    @DisplayName("a duplicate shipment registration is a 409 and changes nothing")
    void duplicateRegistration() {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "yamato");
        String body = "{\"carrierCode\":\"yamato\",\"trackingNumbers\":[\"123456789012\"],\"shippedDate\":\"2026-11-20\"}";
        assertThat(post(orderNo, body).getStatusCode().value()).isEqualTo(201);
        long instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNo).count();

        assertProblem(post(orderNo, body), 409, "conflict", "orderNo");
        assertProblem(post(orderNo, body.replace("}", ",\"shipmentNo\":1}")), 409, "conflict", "shipmentNo");
        assertThat(testOrders.trackingNumberCount(orderId)).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNo).count()).isEqualTo(instances);
    }

    @Test
    @DisplayName("a user outside operators/integrations may not register shipments (403)")
    void forbidden() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> response = rest.withBasicAuth("tempostar", "tempostar").postForEntity(
                "/api/orders/D-100001/shipments", new HttpEntity<>("{}", headers), Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(403);
    }

    @SuppressWarnings("rawtypes")
    static void assertProblem(ResponseEntity<Map> response, int status, String type, String field) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("type", "https://cartflow.jp/problems/" + type)
                .containsEntry("field", field)
                .doesNotContainKey("trace");
    }
}
