package jp.cartflow.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static jp.cartflow.newsletter.NewsletterFixtures.BODY;
import static jp.cartflow.newsletter.NewsletterFixtures.assertProblem;
import static jp.cartflow.newsletter.NewsletterFixtures.campaignJson;
import static jp.cartflow.newsletter.NewsletterFixtures.mailsTo;
import static jp.cartflow.newsletter.NewsletterFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Newsletter campaigns end to end: REST, the real engine (jobs run by hand, clock set by the test), PostgreSQL
 * and the GreenMail SMTP server.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NewsletterCampaignIT extends PostgresIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired GreenMail mailServer;
    @Autowired MutableClock clock;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;

    NewsletterFixtures fx;
    Instant t0;

    @BeforeEach
    void setUp() {
        fx = new NewsletterFixtures(jdbc, rest);
        t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        clock.set(t0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String tokyo(Instant at) {
        return at.atZone(TOKYO).toLocalDateTime().toString();
    }

    private long schedule(String segmentValue) {
        ResponseEntity<Map> r = fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson(segmentValue, tokyo(t0.plus(Duration.ofHours(1))), BODY));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
        return ((Number) r.getBody().get("id")).longValue();
    }

    private ProcessInstance process(long campaignId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("NL-" + campaignId).singleResult();
    }

    private void runJobsAt(long campaignId, Instant at) {
        clock.set(at);
        ProcessInstance p = process(campaignId);
        if (p != null) {
            Jobs.runAll(management, p.getId());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> campaign(long id) {
        return rest.withBasicAuth("operator", "operator").getForObject("/api/newsletter/campaigns/" + id, Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> progress(long id) {
        return (Map<String, Number>) campaign(id).get("progress");
    }

    @Test
    @Order(1)
    @DisplayName("MKT-2 first switch-on: must say whether existing members are imported; true imports them with channel IMPORT, only once")
    void firstSwitchOnImportsOnlyWhenAsked() {
        long before = fx.member("before-" + unique() + "@example.jp", false, null);
        String settings = """
                {"enabled":true,"senderName":"カートフロー商店","senderEmail":"news@demo.cartflow.test",
                 "postalAddress":"東京都渋谷区渋谷2-21-1"%s}""";
        ResponseEntity<Map> missing = fx.send(HttpMethod.PUT, "/api/newsletter/settings", settings.formatted(""));
        assertProblem(missing, 422, "importExistingMembersAsConsented");
        assertThat(missing.getBody()).containsEntry("rule", "MKT-2");
        assertThat(consent(before)).isFalse();

        ResponseEntity<Map> imported = fx.send(HttpMethod.PUT, "/api/newsletter/settings",
                settings.formatted(",\"importExistingMembersAsConsented\":true"));
        assertThat(imported.getStatusCode().value()).isEqualTo(200);
        assertThat(((Number) imported.getBody().get("membersImported")).intValue()).isPositive();
        assertThat(consent(before)).isTrue();
        assertThat(lastChannel(before)).isEqualTo("IMPORT");

        long after = fx.member("after-" + unique() + "@example.jp", false, null);
        ResponseEntity<Map> again = fx.send(HttpMethod.PUT, "/api/newsletter/settings", settings.formatted(""));
        assertThat(again.getStatusCode().value()).as("already switched on: no second import").isEqualTo(200);
        assertThat(consent(after)).isFalse();
    }

    private boolean consent(long memberId) {
        return jdbc.sql("SELECT marketing_consent FROM member WHERE id = :id").param("id", memberId)
                .query(Boolean.class).single();
    }

    private String lastChannel(long memberId) {
        return jdbc.sql("SELECT channel FROM member_consent_event WHERE member_id = :id ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param("id", memberId).query(String.class).single();
    }

    @Test
    @DisplayName("MKT-1, MKT-3, BNC-3: consenting get it with sender, address, opt-out and RFC 8058 headers; no consent and bounced are skipped; no bounce record is cleared")
    void sendsOnlyToConsentingUnbouncedMembers() throws Exception {
        fx.enableNewsletters(false);
        String segment = "seg-" + unique();
        String ok = "ok-" + unique() + "@example.jp";
        String noConsent = "nc-" + unique() + "@example.jp";
        String bounced = "bo-" + unique() + "@example.jp";
        fx.member(ok, true, segment);
        fx.member(noConsent, false, segment);
        fx.member(bounced, true, segment);
        fx.flagBounce(bounced, true, 1);
        fx.flagBounce(ok, false, 2); // soft bounces below the threshold: a newsletter must not reset them
        mailServer.purgeEmailFromAllMailboxes();

        long id = schedule(segment);
        assertThat(campaign(id)).containsEntry("status", "SCHEDULED");
        runJobsAt(id, t0.plus(Duration.ofMinutes(30)));
        assertThat(mailsTo(mailServer, ok)).as("not before the send time").isEmpty();

        runJobsAt(id, t0.plus(Duration.ofHours(1)).plusSeconds(1));
        assertThat(process(id)).as("process ended").isNull();
        assertThat(campaign(id)).containsEntry("status", "SENT");
        assertThat(progress(id)).containsEntry("sent", 1).containsEntry("skippedNoConsent", 1)
                .containsEntry("skippedBounced", 1).containsEntry("failed", 0).containsEntry("queued", 0);
        assertThat((String) campaign(id).get("report")).contains("配信完了", "送信 1 件", "バウンスで除外 1 件");

        List<MimeMessage> received = mailsTo(mailServer, ok);
        assertThat(received).hasSize(1);
        MimeMessage mail = received.get(0);
        assertThat(mail.getSubject()).isEqualTo("試験 花子 様 冬のセール");
        assertThat(mail.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost/newsletter/unsubscribe?t=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getContent().toString()).contains("カートフロー商店", "東京都渋谷区渋谷2-21-1",
                "news@demo.cartflow.test", "配信停止はこちら: http://localhost/newsletter/unsubscribe?t=");
        assertThat(mail.getFileName()).as("MAIL-3: no attachment").isNull();
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mailsTo(mailServer, noConsent)).as("MKT-1").isEmpty();
        assertThat(mailsTo(mailServer, bounced)).as("MKT-3/BNC-3").isEmpty();

        assertThat(fx.bounceRecord(bounced)).containsEntry("flagged", true);
        assertThat(fx.bounceRecord(ok)).as("BNC-3: newsletters never clear").containsEntry("bounce_count", 2)
                .containsEntry("cleared_at", null);
        assertThat(history.createHistoricVariableInstanceQuery().variableName("sent").list())
                .as("counts visible in Cockpit").isNotEmpty();
    }

    @Test
    @DisplayName("MKT-1: consent withdrawn after scheduling is read again at send time — no mail")
    void consentIsReadAtSendTime() throws Exception {
        fx.enableNewsletters(false);
        String segment = "seg-" + unique();
        String email = "late-" + unique() + "@example.jp";
        long member = fx.member(email, true, segment);
        mailServer.purgeEmailFromAllMailboxes();
        long id = schedule(segment);
        ResponseEntity<Map> withdrawn = fx.send(HttpMethod.PUT, "/api/members/" + member + "/marketing-consent",
                "{\"consented\":false,\"channel\":\"MY_PAGE\"}");
        assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);

        runJobsAt(id, t0.plus(Duration.ofHours(2)));
        assertThat(progress(id)).containsEntry("sent", 0).containsEntry("skippedNoConsent", 1);
        assertThat(mailsTo(mailServer, email)).isEmpty();
    }

    @Test
    @DisplayName("per-domain rate spreads the campaign over windows; cancel while sending keeps what was sent and sends nothing more")
    void rateSpreadsAndCancelStopsTheRest() throws Exception {
        fx.enableNewsletters(false);
        String segment = "seg-" + unique();
        for (int i = 0; i < 5; i++) {
            fx.member("r" + i + "-" + unique() + "@throttle.example", true, segment);
        }
        String other = "other-" + unique() + "@example.jp";
        fx.member(other, true, segment);
        mailServer.purgeEmailFromAllMailboxes();
        long id = schedule(segment);

        Instant sendTime = t0.plus(Duration.ofHours(1));
        runJobsAt(id, sendTime);
        assertThat(progress(id)).as("2 per window for throttle.example, the other domain at once")
                .containsEntry("sent", 3).containsEntry("queued", 3);
        assertThat(campaign(id)).containsEntry("status", "SENDING");
        assertThat(mailsTo(mailServer, other)).hasSize(1);

        runJobsAt(id, sendTime.plus(Duration.ofMinutes(1)));
        assertThat(progress(id)).containsEntry("sent", 5).containsEntry("queued", 1);

        ResponseEntity<Map> cancelled = fx.send(HttpMethod.POST, "/api/newsletter/campaigns/" + id + "/cancel", "{}");
        assertThat(cancelled.getStatusCode().value()).isEqualTo(200);
        runJobsAt(id, sendTime.plus(Duration.ofMinutes(2)));
        assertThat(process(id)).isNull();
        assertThat(progress(id)).containsEntry("sent", 5).containsEntry("cancelled", 1).containsEntry("queued", 0);
        assertThat(mailServer.getReceivedMessages()).hasSize(5);
        assertThat((String) campaign(id).get("report")).contains("配信中止", "送信 5 件", "中止で未送信 1 件");
        assertThat(history.createHistoricActivityInstanceQuery().activityId("EndEvent_CampaignCancelled").count())
                .isPositive();

        assertProblem(fx.send(HttpMethod.POST, "/api/newsletter/campaigns/" + id + "/cancel", "{}"), 409, "status");
    }

    @Test
    @DisplayName("approval in Tasklist: the task shows preview, recipient count and exclusions; 差し戻し ends it unsent, 承認 sends")
    void approvalTask() throws Exception {
        fx.enableNewsletters(true);
        try {
            String segment = "seg-" + unique();
            String email = "ap-" + unique() + "@example.jp";
            fx.member(email, true, segment);
            fx.member("ap-nc-" + unique() + "@example.jp", false, segment);
            mailServer.purgeEmailFromAllMailboxes();

            long returned = schedule(segment);
            assertThat(campaign(returned)).containsEntry("status", "AWAITING_APPROVAL");
            Task task = tasks.createTaskQuery().processInstanceId(process(returned).getId()).singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_ApproveCampaign");
            Map<String, Object> vars = tasks.getVariables(task.getId());
            assertThat(vars).containsEntry("recipientCount", 1L).containsEntry("excludedNoConsent", 1L)
                    .containsEntry("excludedBounced", 0L);
            assertThat((String) vars.get("previewBody")).contains("山田 太郎 様", "送信者: カートフロー商店");
            tasks.complete(task.getId(), Map.of("decision", "RETURN", "reviewComment", "件名を見直してください"));
            assertThat(process(returned)).isNull();
            assertThat(campaign(returned)).containsEntry("status", "RETURNED")
                    .containsEntry("reviewComment", "件名を見直してください");

            long approved = schedule(segment);
            Task next = tasks.createTaskQuery().processInstanceId(process(approved).getId()).singleResult();
            tasks.complete(next.getId(), Map.of("decision", "APPROVE"));
            assertThat(campaign(approved)).containsEntry("status", "SCHEDULED");
            runJobsAt(approved, t0.plus(Duration.ofHours(1)));
            assertThat(campaign(approved)).containsEntry("status", "SENT");
            assertThat(mailsTo(mailServer, email)).hasSize(1);
        } finally {
            fx.enableNewsletters(false);
        }
    }

    @Test
    @DisplayName("cancel before the send time: the process ends, nothing is sent")
    void cancelBeforeSending() {
        fx.enableNewsletters(false);
        String segment = "seg-" + unique();
        String email = "cb-" + unique() + "@example.jp";
        fx.member(email, true, segment);
        long id = schedule(segment);
        assertThat(fx.send(HttpMethod.POST, "/api/newsletter/campaigns/" + id + "/cancel", "{}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(process(id)).isNull();
        assertThat(campaign(id)).containsEntry("status", "CANCELLED");
        runJobsAt(id, t0.plus(Duration.ofHours(2)));
        assertThat(mailsTo(mailServer, email)).isEmpty();
    }

    @Test
    @DisplayName("MKT-2 one-click unsubscribe (RFC 8058): POST without login withdraws consent with channel UNSUBSCRIBE_LINK; forged or expired links get a Japanese page")
    void oneClickUnsubscribe() throws Exception {
        fx.enableNewsletters(false);
        String segment = "seg-" + unique();
        String email = "un-" + unique() + "@example.jp";
        long member = fx.member(email, true, segment);
        mailServer.purgeEmailFromAllMailboxes();
        long id = schedule(segment);
        runJobsAt(id, t0.plus(Duration.ofHours(1)));
        String header = mailsTo(mailServer, email).get(0).getHeader("List-Unsubscribe")[0];
        String path = header.substring(header.indexOf("/newsletter/"), header.length() - 1);

        ResponseEntity<String> forged = post(path.substring(0, path.length() - 3) + "xyz");
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(forged.getHeaders().getContentType().toString()).startsWith("text/html");
        assertThat(forged.getBody()).contains("無効か、有効期限が切れています");
        assertThat(consent(member)).isTrue();

        ResponseEntity<String> page = rest.getForEntity(path, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("配信を停止する");
        assertThat(consent(member)).as("a GET (link scanner) withdraws nothing").isTrue();

        clock.set(t0.plus(Duration.ofDays(91)));
        assertThat(post(path).getStatusCode().value()).as("expired").isEqualTo(400);
        assertThat(consent(member)).isTrue();

        clock.set(t0.plus(Duration.ofDays(1)));
        ResponseEntity<String> done = post(path);
        assertThat(done.getStatusCode().value()).isEqualTo(200);
        assertThat(done.getBody()).contains("配信を停止しました");
        assertThat(consent(member)).isFalse();
        assertThat(lastChannel(member)).isEqualTo("UNSUBSCRIBE_LINK");
    }

    private ResponseEntity<String> post(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>("List-Unsubscribe=One-Click", headers), String.class);
    }

    @Test
    @DisplayName("MAIL-3 and bad input: attachment, missing unsubscribe tag, unknown tag, unknown segment attribute, send time in the past — 4xx, nothing written or started")
    void badInput() {
        fx.enableNewsletters(false);
        long campaignsBefore = jdbc.sql("SELECT COUNT(*) FROM newsletter_campaign").query(Long.class).single();
        String future = tokyo(t0.plus(Duration.ofHours(1)));

        ResponseEntity<Map> attachment = fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson("x", future, BODY).replaceFirst("\\}$", ",\"attachments\":[{\"name\":\"catalog.pdf\"}]}"));
        assertProblem(attachment, 422, "attachments");
        assertThat(attachment.getBody()).containsEntry("rule", "MAIL-3");
        assertThat((String) attachment.getBody().get("detail")).contains("添付できません", "POST /api/files");

        assertProblem(fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson("x", future, "本文のみ、配信停止なし")), 422, "body");
        assertProblem(fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson("x", future, BODY + "<!--{orderNo}-->")), 422, "body");
        assertProblem(fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson("x", future, BODY).replace("\"attributeNo\":4", "\"attributeNo\":77")), 422, "segment.attributeNo");
        assertProblem(fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson("x", future, BODY).replace("\"kind\":\"ATTRIBUTE\",\"attributeNo\":4,\"value\":\"x\"",
                        "\"kind\":\"SUBSCRIPTION\",\"value\":\"PAUSED\"")), 422, "segment.value");
        assertProblem(fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson("x", tokyo(t0.minus(Duration.ofMinutes(5))), BODY)), 422, "sendAt");
        assertProblem(fx.send(HttpMethod.POST, "/api/newsletter/campaigns",
                campaignJson("x", "next tuesday", BODY)), 400, "sendAt");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_campaign").query(Long.class).single()).isEqualTo(campaignsBefore);

        ResponseEntity<Map> template = fx.send(HttpMethod.PUT, "/api/newsletter/templates/winter",
                "{\"subject\":\"冬\",\"body\":\"配信停止のタグがない本文\"}");
        assertProblem(template, 422, "body");
        assertThat((String) template.getBody().get("detail")).contains("unsubscribeUrl", "特定電子メール法");
        ResponseEntity<Map> templateAttachment = fx.send(HttpMethod.PUT, "/api/newsletter/templates/winter",
                "{\"subject\":\"冬\",\"body\":" + NewsletterFixtures.jsonString(BODY) + ",\"attachments\":[\"a.pdf\"]}");
        assertProblem(templateAttachment, 422, "attachments");
        assertThat(templateAttachment.getBody()).containsEntry("rule", "MAIL-3");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_template WHERE code = 'winter'").query(Long.class).single()).isZero();
        assertThat(fx.send(HttpMethod.PUT, "/api/newsletter/templates/winter",
                "{\"subject\":\"冬\",\"body\":" + NewsletterFixtures.jsonString(BODY) + "}").getStatusCode().value()).isEqualTo(200);

        assertThat(rest.postForEntity("/api/newsletter/campaigns", campaignJson("x", future, BODY), Map.class)
                .getStatusCode().value()).as("no login").isEqualTo(401);
    }
}
