package jp.cartflow.subscription;

import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription REST API: every endpoint's bad input → problem+json and nothing written; my-page; settings. */
class SubscriptionApiIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions testSubscriptions;
    @Autowired SubscriptionSettingsRepository settings;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        testSubscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        testSubscriptions.defaultSettings();
    }

    private ResponseEntity<Map> call(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("storefront", "storefront").exchange(path, method,
                new HttpEntity<>(json, headers), Map.class);
    }

    private int subscriptionCount() {
        return jdbc.sql("SELECT COUNT(*) FROM subscription").query(Integer.class).single();
    }

    private int orderCount() {
        return jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Integer.class).single();
    }

    private static String checkout(String member, String items, String payment, String carrier, String extra) {
        return "{" + member + ",\"items\":" + items + ",\"cycle\":{\"kind\":\"MONTHLY\",\"day\":25},"
                + "\"firstDeliveryDate\":\"2026-11-25\",\"carrierCode\":\"" + carrier + "\",\"paymentMethod\":\""
                + payment + "\",\"fees\":{\"shipping\":880,\"payment\":0,\"cool\":0}" + extra + "}";
    }

    private static void problem(ResponseEntity<Map> response, int status, String ruleOrField) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
        assertThat(response.getBody().values().toString()).contains(ruleOrField);
    }

    @Test
    @DisplayName("SUB-2 SUB-15 SUB-30 checkout creates the first order, the subscription and its process in one go, plus the thanks mail")
    void createOk() {
        long yamada = testSubscriptions.memberId("yamada");
        ResponseEntity<Map> response = call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + yamada,
                "[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":2}]", "SBPS_CARD", "yamato", ""));
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        String no = (String) response.getBody().get("subscriptionNo");
        assertThat(no).startsWith("tk-");
        assertThat(((Number) response.getBody().get("firstOrderTotal")).longValue()).isEqualTo(1296 * 2 + 880);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(no).count()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM mail_outbox m JOIN customer_order o ON o.id = m.order_id
                WHERE o.subscription_no = :no AND m.template_key = 'SUBSCRIPTION_THANKS'""").param("no", no)
                .query(Integer.class).single()).isEqualTo(1);
        ResponseEntity<Map> get = call(HttpMethod.GET, "/api/subscriptions/" + no, null);
        assertThat(get.getBody()).containsEntry("status", "ACTIVE").containsEntry("nextDeliveryDate", "2026-12-25")
                .doesNotContainKey("lastGeneratedAt");
    }

    @Test
    @DisplayName("SUB-1 MEM-2 a guest becomes a member at subscription checkout and receives the registration points")
    void guestRegisters() {
        long shop = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        int registrationPoints = jdbc.sql("SELECT registration_points FROM shop WHERE id = :id").param("id", shop)
                .query(Integer.class).single();
        jdbc.sql("UPDATE shop SET registration_points = 500 WHERE id = :id").param("id", shop).update();
        try {
            ResponseEntity<Map> response = call(HttpMethod.POST, "/api/subscriptions", checkout(
                    "\"newMember\":{\"loginId\":\"guest-mem2\",\"email\":\"guest-mem2@example.jp\"}",
                    "[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}]", "COD", "yamato",
                    ",\"recipient\":{\"lastName\":\"新規\",\"firstName\":\"花子\",\"zipcode\":\"150-0002\","
                            + "\"pref\":\"東京都\",\"city\":\"渋谷区\",\"address\":\"渋谷1-1-1\"}"));
            assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
            Map<String, Object> member = jdbc.sql("SELECT email, points FROM member WHERE login_id = 'guest-mem2'")
                    .query().singleRow();
            assertThat(member.get("email")).isEqualTo("guest-mem2@example.jp");
            assertThat(((Number) member.get("points")).longValue()).as("MEM-2 registration points").isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.sql("UPDATE shop SET registration_points = :p WHERE id = :id").param("p", registrationPoints)
                    .param("id", shop).update();
        }
    }

    @Test
    @DisplayName("SUB-1 SUB-8 SUB-17 SUB-27 SUB-31 bad checkouts → problem+json with field or rule, nothing written")
    void createBadInput() {
        long yamada = testSubscriptions.memberId("yamada");
        long sato = testSubscriptions.memberId("sato");
        String coffee = "[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}]";
        int subscriptions = subscriptionCount();
        int orders = orderCount();
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":999999", coffee, "COD", "yamato", "")), 404, "memberId");
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memo\":\"guest\"", coffee, "COD", "yamato", "")), 422, "SUB-1");
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + yamada,
                "[{\"productCode\":\"CF-GIFT-3000\",\"quantity\":1}]", "COD", "yamato", "")), 422, "SUB-8");
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + yamada,
                "[{\"productCode\":\"NOPE\",\"quantity\":1}]", "COD", "yamato", "")), 422, "items[0].productCode");
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + yamada, coffee, "COD", "japanpost", "")),
                422, "SUB-17");
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + sato, coffee, "SBPS_CARD", "yamato", "")),
                422, "SUB-27");
        // 0-yen first order: tea 864 without fees, paid entirely with points
        problem(call(HttpMethod.POST, "/api/subscriptions", "{\"memberId\":" + yamada
                + ",\"items\":[{\"productCode\":\"CF-TEA-100\",\"quantity\":1}],\"cycle\":{\"kind\":\"MONTHLY\",\"day\":25},"
                + "\"firstDeliveryDate\":\"2026-11-25\",\"carrierCode\":\"yamato\",\"paymentMethod\":\"SBPS_CARD\","
                + "\"fees\":{\"shipping\":0,\"payment\":0,\"cool\":0},\"pointsUsed\":864}"), 422, "SUB-17");
        problem(call(HttpMethod.POST, "/api/subscriptions", "{\"memberId\":" + yamada
                + ",\"items\":[],\"cycle\":{\"kind\":\"MONTHLY\",\"day\":25}}"), 400, "items");
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + yamada, coffee, "COD", "yamato",
                ",\"unknown\":1")), 400, "unknown");
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + yamada, coffee, "COD", "yamato", "")
                .replace("\"day\":25", "\"day\":40")), 400, "day");
        jdbc.sql("UPDATE subscription_setting SET new_subscriptions_stopped = TRUE WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')").update();
        problem(call(HttpMethod.POST, "/api/subscriptions", checkout("\"memberId\":" + yamada, coffee, "COD", "yamato", "")),
                422, "SUB-31");
        assertThat(subscriptionCount()).isEqualTo(subscriptions);
        assertThat(orderCount()).isEqualTo(orders);
    }

    @Test
    @DisplayName("SUB-24 SUB-17 SUB-27 bad changes: unknown ids, ended subscription, unsupported payment → problem+json, nothing written")
    void changeBadInput() {
        SubscriptionCheckout.Created created = testSubscriptions.create("sato", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        String base = "/api/subscriptions/" + created.subscriptionNo();
        problem(call(HttpMethod.GET, "/api/subscriptions/NOPE-1", null), 404, "subscriptionNo");
        problem(call(HttpMethod.PUT, "/api/subscriptions/NOPE-1/memo", "{\"memo\":\"x\"}"), 404, "subscriptionNo");
        problem(call(HttpMethod.PUT, base + "/payment-method", "{\"paymentMethod\":\"SBPS_CARD\"}"), 422, "SUB-27");
        problem(call(HttpMethod.PUT, base + "/payment-method", "{\"paymentMethod\":\"BITCOIN\"}"), 400, "paymentMethod");
        problem(call(HttpMethod.PUT, base + "/delivery", "{\"carrierCode\":\"nope\"}"), 422, "carrierCode");
        problem(call(HttpMethod.PUT, base + "/delivery", "{\"timeSlotCode\":\"25-26\"}"), 422, "timeSlotCode");
        problem(call(HttpMethod.PUT, base + "/address", "{\"kind\":\"ADDRESS_BOOK\",\"addressBookId\":999999}"), 404,
                "addressBookId");
        problem(call(HttpMethod.PATCH, base + "/items/999999", "{\"quantity\":2}"), 404, "itemId");
        problem(call(HttpMethod.POST, base + "/items", "{\"productCode\":\"CF-GIFT-3000\",\"quantity\":1}"), 422, "SUB-8");
        assertThat(call(HttpMethod.PUT, base + "/memo", "{\"memo\":\"変更後\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(call(HttpMethod.POST, base + "/termination", "{\"reason\":\"test\"}").getStatusCode().value())
                .isEqualTo(200);
        problem(call(HttpMethod.PUT, base + "/memo", "{\"memo\":\"x\"}"), 409, "SUB-24");
        problem(call(HttpMethod.POST, base + "/skip", null), 409, "SUB-24");
        problem(call(HttpMethod.POST, base + "/termination", null), 409, "SUB-24");
        assertThat(call(HttpMethod.GET, base, null).getBody()).containsEntry("memo", "変更後");
    }

    @Test
    @DisplayName("SUB-10 SUB-18 SUB-20 SUB-29 more bad input: fees, items, skip, card-expiry sends → problem+json, nothing written")
    void moreBadInput() {
        SubscriptionCheckout.Created created = testSubscriptions.create("sato", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        String base = "/api/subscriptions/" + created.subscriptionNo();
        int outbox = jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single();
        Map<String, Object> before = jdbc.sql("SELECT shipping_fee, payment_fee, cool_fee, skip_next, version "
                + "FROM subscription WHERE subscription_no = :no").param("no", created.subscriptionNo()).query().singleRow();

        problem(call(HttpMethod.PUT, base + "/fees", "{\"shipping\":-1,\"payment\":0,\"cool\":0}"), 400, "shipping");
        problem(call(HttpMethod.PUT, base + "/fees", "{\"shipping\":880,\"payment\":0}"), 400, "cool");
        problem(call(HttpMethod.PUT, base + "/fees", "{\"shipping\":\"free\",\"payment\":0,\"cool\":0}"), 400, "shipping");
        problem(call(HttpMethod.PUT, "/api/subscriptions/NOPE-1/fees", "{\"shipping\":0,\"payment\":0,\"cool\":0}"), 404,
                "subscriptionNo");
        problem(call(HttpMethod.DELETE, base + "/items/999999", null), 404, "itemId");
        problem(call(HttpMethod.POST, base + "/items", "{\"productCode\":\"NO-SUCH\",\"quantity\":1}"), 422, "productCode");
        problem(call(HttpMethod.POST, base + "/items", "{\"productCode\":\"CF-TEA-100\",\"quantity\":0}"), 400, "quantity");
        problem(call(HttpMethod.POST, "/api/subscriptions/NOPE-1/skip", null), 404, "subscriptionNo");
        problem(call(HttpMethod.POST, "/api/subscriptions/card-expiry/reminders", "{\"subscriptionNos\":[]}"), 400,
                "subscriptionNos");
        problem(call(HttpMethod.POST, base + "/card-expiry-reminder", "{\"subject\":\"\",\"body\":\"x\"}"), 400, "subject");
        problem(call(HttpMethod.POST, "/api/subscriptions/NOPE-1/card-expiry-reminder",
                "{\"subject\":\"s\",\"body\":\"b\"}"), 404, "subscriptionNo");

        assertThat(jdbc.sql("SELECT shipping_fee, payment_fee, cool_fee, skip_next, version FROM subscription "
                + "WHERE subscription_no = :no").param("no", created.subscriptionNo()).query().singleRow()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isEqualTo(outbox);
    }

    @Test
    @DisplayName("SUB-25 ended and cancelled subscriptions are hidden from the default list and found with cancelled=true")
    void cancelledFilter() {
        SubscriptionCheckout.Created created = testSubscriptions.create("sato", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        call(HttpMethod.POST, "/api/subscriptions/" + created.subscriptionNo() + "/termination", null);
        ResponseEntity<List> active = rest.withBasicAuth("operator", "operator")
                .getForEntity("/api/subscriptions?subscriptionNo=" + created.subscriptionNo(), List.class);
        assertThat(active.getBody()).isEmpty();
        ResponseEntity<List> cancelled = rest.withBasicAuth("operator", "operator")
                .getForEntity("/api/subscriptions?cancelled=true&subscriptionNo=" + created.subscriptionNo(), List.class);
        assertThat(cancelled.getBody()).hasSize(1);
    }

    @Test
    @DisplayName("SUB-21 SUB-20 on the generation day edits are refused until generation ran; unskip until the generation time")
    void sameDayLockOverRest() {
        SubscriptionCheckout.Created created = testSubscriptions.create("sato", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        String base = "/api/subscriptions/" + created.subscriptionNo();
        assertThat(call(HttpMethod.POST, base + "/skip", null).getBody()).containsEntry("nextDeliverySkipped", true);
        clock.set(ZonedDateTime.of(2026, 12, 18, 3, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        problem(call(HttpMethod.PUT, base + "/memo", "{\"memo\":\"x\"}"), 409, "SUB-21");
        assertThat(call(HttpMethod.DELETE, base + "/skip", null).getBody()).containsEntry("nextDeliverySkipped", false);
        clock.set(ZonedDateTime.of(2026, 12, 18, 5, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        problem(call(HttpMethod.POST, base + "/skip", null), 409, "SUB-20");
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(created.subscriptionNo())
                .singleResult().getId();
        Jobs.runAll(management, pi);
        assertThat(testSubscriptions.generatedOrders(created.subscriptionNo())).isEqualTo(1);
        assertThat(call(HttpMethod.PUT, base + "/memo", "{\"memo\":\"after\"}").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<List> preview = rest.withBasicAuth("storefront", "storefront")
                .getForEntity(base + "/schedule?count=3", List.class);
        assertThat(preview.getBody()).hasSize(3);
        assertThat(((Map<?, ?>) preview.getBody().get(0)).get("deliveryDate")).isEqualTo("2027-01-25");
    }

    @Test
    @DisplayName("SUB-26 SUB-28 SUB-16 my-page: allowed changes mail the shop with slot labels; disallowed cycle, other member's subscription, carrier → refused")
    void myPage() {
        long yamada = testSubscriptions.memberId("yamada");
        long sato = testSubscriptions.memberId("sato");
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        String base = "/api/mypage/members/" + yamada + "/subscriptions/" + created.subscriptionNo();
        int notices = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE template_key = 'MYPAGE_CHANGE_NOTICE'")
                .query(Integer.class).single();
        problem(call(HttpMethod.PUT, base + "/delivery", "{\"cycle\":{\"kind\":\"INTERVAL\",\"intervalDays\":5}}"),
                422, "SUB-26");
        problem(call(HttpMethod.PUT, base + "/delivery", "{\"carrierCode\":\"sagawa\"}"), 400, "carrierCode");
        problem(call(HttpMethod.GET, "/api/mypage/members/" + sato + "/subscriptions/" + created.subscriptionNo(), null),
                404, "subscriptionNo");
        problem(call(HttpMethod.POST, base + "/skip", null), 404, "");
        jdbc.sql("UPDATE subscription_setting SET mypage_change_payment = FALSE WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')").update();
        problem(call(HttpMethod.PUT, base + "/payment-method", "{\"paymentMethod\":\"SBPS_CARD\"}"), 422, "SUB-26");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE template_key = 'MYPAGE_CHANGE_NOTICE'")
                .query(Integer.class).single()).isEqualTo(notices);

        ResponseEntity<Map> ok = call(HttpMethod.PUT, base + "/delivery",
                "{\"cycle\":{\"kind\":\"INTERVAL\",\"intervalDays\":14},\"timeSlotCode\":\"18-20\"}");
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);
        assertThat(ok.getBody()).containsEntry("nextDeliveryDate", "2026-12-04").containsEntry("timeSlotCode", "18-20");
        List<Map<String, Object>> mails = jdbc.sql("""
                SELECT kind, to_address, cc_address, subject, body FROM mail_outbox
                WHERE template_key = 'MYPAGE_CHANGE_NOTICE' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").query().listOfRows();
        assertThat(mails.get(0).get("kind")).isEqualTo("NOTICE");
        assertThat(mails.get(0).get("to_address").toString()).contains("shop@demo.cartflow.test");
        assertThat(mails.get(0).get("cc_address").toString()).contains("shop-copy@demo.cartflow.test");
        assertThat(mails.get(0).get("subject").toString()).contains(created.subscriptionNo());
        assertThat(mails.get(0).get("body").toString()).contains("山田 太郎(" + yamada + ")", "配送サイクル");
        // SUB-16: the slots as the carrier labels them, never their codes or null
        assertThat(mails.get(0).get("body").toString()).contains("お届け時間帯: 午前中 → 18〜20時\n",
                "次回お届け予定日: 2026/12/04").doesNotContain("null", "AM", "18-20");

        ResponseEntity<Map> noSlot = call(HttpMethod.PUT, base + "/delivery", "{\"timeSlotCode\":\"\"}");
        assertThat(noSlot.getStatusCode().value()).as(String.valueOf(noSlot.getBody())).isEqualTo(200);
        String noSlotMail = jdbc.sql("""
                SELECT body FROM mail_outbox WHERE template_key = 'MYPAGE_CHANGE_NOTICE'
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""").query(String.class).single();
        assertThat(noSlotMail).contains("お届け時間帯: 18〜20時 → 指定なし\n").doesNotContain("null");
    }

    @Test
    @DisplayName("SUB-31 SUB-14 SUB-13 settings: no switch-off with active subscriptions; new L pending; bad numbering refused")
    void settingsRules() {
        testSubscriptions.create("sato", 25, LocalDate.of(2026, 11, 25), PaymentMethodCode.COD, null);
        Map<?, ?> current = rest.withBasicAuth("operator", "operator").getForObject("/api/subscription-settings", Map.class);
        String json = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(current).toString();
        problem(call(HttpMethod.PUT, "/api/subscription-settings", json.replace("\"enabled\":true", "\"enabled\":false")),
                422, "SUB-31");
        problem(call(HttpMethod.PUT, "/api/subscription-settings", json.replace("\"digits\":5", "\"digits\":4")),
                400, "digits");
        problem(call(HttpMethod.PUT, "/api/subscription-settings", json.replace("\"prefix\":\"tk-\"", "\"prefix\":\"tk#\"")),
                422, "SUB-13");
        ResponseEntity<Map> ok = call(HttpMethod.PUT, "/api/subscription-settings", json.replace("\"leadDays\":7", "\"leadDays\":3"));
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM subscription WHERE status = 'ACTIVE' AND pending_lead_days IS DISTINCT FROM 3")
                .query(Integer.class).single()).as("every active subscription got the new L as pending").isZero();
    }

    @Test
    @DisplayName("SUB-13 numbers are unique under concurrency (parallel threads on PostgreSQL)")
    void numberingConcurrency() throws Exception {
        long shopId = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                calls.add(() -> tx.execute(status -> settings.allocateNumber(shopId, LocalDate.of(2026, 11, 20))));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
            assertThat(new HashSet<>(numbers)).hasSize(80);
            assertThat(numbers).allMatch(n -> n.matches("tk-\\d{5}"));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("SUB-29 card expiry: targets, the daily process mails once per card with bracket tags, bulk and edited sends")
    void cardExpiry() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.SBPS_CARD, null);
        jdbc.sql("UPDATE member_card SET expiry_reminded_at = NULL").update();
        jdbc.sql("UPDATE subscription_setting SET card_expiry_reminder_auto = TRUE, card_expiry_window_days = 30 WHERE shop_id = (SELECT id FROM shop WHERE code = 'demo')").update();
        clock.set(ZonedDateTime.of(2026, 12, 5, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
        ResponseEntity<List> targets = rest.withBasicAuth("operator", "operator")
                .getForEntity("/api/subscriptions/card-expiry/targets", List.class);
        assertThat(targets.getBody()).extracting(t -> ((Map<?, ?>) t).get("subscriptionNo")).contains(created.subscriptionNo());

        int before = reminders();
        for (int run = 0; run < 2; run++) {
            var timer = management.createJobQuery().processDefinitionKey("CardExpiryReminderProcess").timers().singleResult();
            management.executeJob(timer.getId());
            runtime.createProcessInstanceQuery().processDefinitionKey("CardExpiryReminderProcess").list()
                    .forEach(pi -> Jobs.runAll(management, pi.getId()));
        }
        assertThat(reminders()).as("once per card").isEqualTo(before + 1);
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE template_key = 'CARD_EXPIRY_REMINDER' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single();
        assertThat(body).contains("山田 太郎 様").doesNotContain("[MEMBER_NAME]");

        ResponseEntity<Map> bulk = call(HttpMethod.POST, "/api/subscriptions/card-expiry/reminders",
                "{\"subscriptionNos\":[\"" + created.subscriptionNo() + "\"]}");
        assertThat(bulk.getBody()).containsEntry("mailsQueued", 1);
        problem(call(HttpMethod.POST, "/api/subscriptions/card-expiry/reminders", "{\"subscriptionNos\":[\"NOPE\"]}"),
                422, "subscriptionNos");
        ResponseEntity<Map> edited = call(HttpMethod.POST, "/api/subscriptions/" + created.subscriptionNo()
                + "/card-expiry-reminder", "{\"subject\":\"カードのご確認\",\"body\":\"[MEMBER_LAST_NAME]様 お手続きを\"}");
        assertThat(edited.getStatusCode().value()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT body FROM mail_outbox WHERE template_key = 'CARD_EXPIRY_REMINDER' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .query(String.class).single()).startsWith("山田様");
        problem(call(HttpMethod.POST, "/api/subscriptions/" + created.subscriptionNo() + "/card-expiry-reminder",
                "{\"subject\":\"x\",\"body\":\"[NO_SUCH_TAG]\"}"), 422, "body");
        problem(call(HttpMethod.POST, "/api/subscriptions/NOPE/card-expiry-reminder",
                "{\"subject\":\"x\",\"body\":\"y\"}"), 404, "subscriptionNo");
        call(HttpMethod.POST, "/api/subscriptions/" + created.subscriptionNo() + "/termination", null);
    }

    private int reminders() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE template_key = 'CARD_EXPIRY_REMINDER'")
                .query(Integer.class).single();
    }
}
