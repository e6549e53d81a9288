package jp.cartflow.mail.bounce;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.mail.bounce.process.BounceCollectionProcess;
import jp.cartflow.testsupport.Jobs;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounce collection end to end against real mail servers: the demo profile's GreenMail (SMTP in, POP3 out) and a
 * GreenMail POP3S server with its test certificate, trusted through the explicit trust-store setting.
 */
class BounceCollectionIT extends PostgresIntegrationTest {

    private static final String OPERATOR = "operator";
    private static final String BOUNCE_ADDRESS = "bounce@demo.cartflow.test";

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired GreenMail demoGreenMail;
    @Autowired TestOrders testOrders;
    @Autowired MutableClock clock;
    @Value("${cartflow.demo.mail.smtp-port}") int smtpPort;
    @Value("${cartflow.demo.mail.pop3-port}") int pop3Port;

    private long shopId;

    @BeforeEach
    void demoMailbox() {
        shopId = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        restoreDemoSettings();
    }

    @AfterEach
    void restore() throws Exception {
        clock.reset();
        restoreDemoSettings();
        demoGreenMail.purgeEmailFromAllMailboxes();
    }

    private void restoreDemoSettings() {
        jdbc.sql("""
                UPDATE bounce_mailbox SET pop3_host = '127.0.0.1', pop3_port = :port, pop3_ssl = FALSE, pop3_user = :user,
                       pop3_password = 'bounce', envelope_sender = :user, poll_minutes = 10,
                       soft_threshold = 3, soft_window_days = 14 WHERE shop_id = :id""")
                .param("port", pop3Port).param("user", BOUNCE_ADDRESS).param("id", shopId).update();
    }

    // ---- BNC-1 settings -----------------------------------------------------------------------------------------

    @Test
    @DisplayName("BNC-1 host in both seed forms: mail.example.com = POP3 110, ssl://pop.gmail.com = POP3S 995; no password in GET")
    void hostForms() {
        Map<String, Object> plain = put("{\"host\":\"mail.example.com\",\"user\":\"bounce@example.com\",\"password\":\"s3cret\"}");
        assertThat(plain).containsEntry("host", "mail.example.com").containsEntry("port", 110).containsEntry("ssl", false)
                .containsEntry("envelopeSender", "bounce@example.com").containsEntry("passwordSet", true)
                .doesNotContainKey("password");
        Map<String, Object> gmail = put("{\"host\":\"ssl://pop.gmail.com\",\"user\":\"shop.bounce@gmail.com\"}");
        assertThat(gmail).containsEntry("host", "ssl://pop.gmail.com").containsEntry("port", 995).containsEntry("ssl", true)
                .containsEntry("envelopeSender", "shop.bounce@gmail.com").containsEntry("passwordSet", true);
        ResponseEntity<String> get = as(OPERATOR).getForEntity("/api/shop/bounce-settings", String.class);
        assertThat(get.getBody()).doesNotContain("s3cret");
        assertThat(jdbc.sql("SELECT pop3_password FROM bounce_mailbox WHERE shop_id = :id").param("id", shopId).query(String.class).single())
                .as("an omitted password is kept").isEqualTo("s3cret");
    }

    @Test
    @DisplayName("BNC-1 the envelope sender must be the POP3 user; bad host, ranges and unknown fields are refused, nothing written")
    void settingsBadInput() {
        assertProblem(putRaw("{\"host\":\"mail.example.com\",\"user\":\"bounce@example.com\",\"password\":\"x\","
                + "\"envelopeSender\":\"other@example.com\"}"), 422, "envelopeSender", "BNC-1");
        assertProblem(putRaw("{\"host\":\"ssl://bad host\",\"user\":\"u@example.com\",\"password\":\"x\"}"), 422, "host", null);
        assertProblem(putRaw("{\"pollMinutes\":0}"), 422, "pollMinutes", null);
        assertProblem(putRaw("{\"softThreshold\":101}"), 422, "softThreshold", null);
        assertProblem(putRaw("{\"softWindowDays\":\"two weeks\"}"), 400, "softWindowDays", null);
        assertProblem(putRaw("{\"pop3Host\":\"x\"}"), 400, "pop3Host", null);
        assertThat(jdbc.sql("SELECT pop3_host FROM bounce_mailbox WHERE shop_id = :id").param("id", shopId).query(String.class).single())
                .isEqualTo("127.0.0.1");
        assertThat(as("storefront").getForEntity("/api/shop/bounce-settings", String.class).getStatusCode().value())
                .as("the storefront integration does not see mailbox credentials").isEqualTo(403);
        assertThat(rest.getForEntity("/api/bounces", String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    @DisplayName("BNC-1 POST bounce-settings/test logs in over POP3 and answers in Japanese, also when the password is wrong")
    void loginTest() {
        Map<String, Object> ok = as(OPERATOR).postForObject("/api/shop/bounce-settings/test", null, Map.class);
        assertThat(ok).containsEntry("success", true);
        assertThat((String) ok.get("message")).startsWith("ログイン成功");
        jdbc.sql("UPDATE bounce_mailbox SET pop3_password = 'wrong' WHERE shop_id = :id").param("id", shopId).update();
        Map<String, Object> failed = as(OPERATOR).postForObject("/api/shop/bounce-settings/test", null, Map.class);
        assertThat(failed).containsEntry("success", false);
        assertThat((String) failed.get("message")).startsWith("ログイン失敗");
    }

    // ---- collection ---------------------------------------------------------------------------------------------

    @Test
    @DisplayName("BNC-4 demo: a hard bounce sent by SMTP to the bounce address is collected by the next run and flags the member at once")
    void demoHardBounceFlagsMember() throws Exception {
        Member member = newMember();
        subscribeToBounceWebhooks();
        sendBySmtp(dsn(member.email(), "5.1.1", "550 5.1.1 user unknown"));
        Map<String, Object> run = runNow();
        assertThat(run).containsEntry("fetched", 1).containsEntry("bounces", 1).containsEntry("nonBounces", 0)
                .containsEntry("quarantined", 0);
        assertThat(testOrders.bounceFlagged(member.email())).isTrue();
        assertThat(demoGreenMail.getReceivedMessagesForDomain(BOUNCE_ADDRESS)).as("BNC-1 the mailbox is consumed").isEmpty();

        List<Map<String, Object>> events = listEvents("?address=" + member.email());
        assertThat(events).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("recipient", member.email()).containsEntry("kind", "HARD")
                .containsEntry("reason", "USER_UNKNOWN").containsEntry("status", "5.1.1")
                .containsEntry("decision", "FLAGGED").containsKey("sourceMessageId").containsKey("receivedAt"));
        Map<String, Object> state = as(OPERATOR).getForObject("/api/bounces/members/" + member.id(), Map.class);
        assertThat(state).containsEntry("flagged", true).containsEntry("kind", "HARD");
        assertThat(bounceWebhookPayloads(member.email())).as("BNC-2 the flag is offered as a webhook, once")
                .singleElement().satisfies(p -> assertThat(p)
                        .contains("\"type\":\"bounce.flagged\"").contains("\"kind\":\"HARD\"").contains("\"count\":1"));
    }

    @Test
    @DisplayName("BNC-4 soft bounces flag only at the third within 14 days; one older than the window does not count")
    void softBouncesFlagAfterRepeats() throws Exception {
        Member member = newMember();
        subscribeToBounceWebhooks();
        clock.set(Instant.parse("2026-11-01T01:00:00Z"));
        deliver(dsn(member.email(), "4.2.2", "452 4.2.2 mailbox full"));
        runNow();
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));
        deliver(dsn(member.email(), "4.2.2", "452 4.2.2 mailbox full"));
        deliver(dsn(member.email(), "5.2.2", "552 5.2.2 mailbox full"));
        runNow();
        assertThat(testOrders.bounceFlagged(member.email())).as("two within 14 days, the first is 19 days old").isFalse();
        assertThat(bounceWebhookPayloads(member.email())).as("no webhook while only counted").isEmpty();
        clock.set(Instant.parse("2026-11-22T01:00:00Z"));
        deliver(dsn(member.email(), "4.4.7", "delivery time expired"));
        runNow();
        assertThat(testOrders.bounceFlagged(member.email())).isTrue();
        assertThat(listEvents("?address=" + member.email())).extracting(e -> e.get("decision"))
                .containsExactly("FLAGGED", "COUNTED", "COUNTED", "COUNTED");
        assertThat(bounceWebhookPayloads(member.email())).as("BNC-2 one bounce.flagged, at the third soft bounce")
                .singleElement().satisfies(p -> assertThat(p).contains("\"kind\":\"SOFT\"").contains("\"count\":3"));
        assertThat(listEvents("?address=" + member.email() + "&from=2026-11-20&to=2026-11-20")).hasSize(2);
        assertProblem(as(OPERATOR).getForEntity("/api/bounces?from=2026-11-20&to=2026-11-01", Map.class), 422, "to", null);
    }

    @Test
    @DisplayName("BNC-1 bad input is quarantined (20 MB, broken MIME, unknown and wrong charset, DSN without recipient); "
            + "an unknown address is recorded but flags no one; the run goes on")
    void quarantineAndUnknownAddress() throws Exception {
        Member member = newMember();
        for (String fixture : List.of("broken-mime.eml", "unknown-charset.eml", "wrong-charset.eml", "dsn-without-recipient.eml")) {
            deliver(fixture(fixture));
        }
        byte[] head = ("From: MAILER-DAEMON@relay.example.net\r\nTo: " + BOUNCE_ADDRESS + "\r\nSubject: Undelivered\r\n"
                + "Message-ID: <huge-" + UUID.randomUUID() + "@relay.example.net>\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] huge = Arrays.copyOf(head, 20 * 1024 * 1024);
        for (int i = head.length; i < huge.length; i++) {
            huge[i] = (i % 77 == 0) ? (byte) '\n' : (byte) 'a';
        }
        deliver(huge);
        deliver(dsn(member.email(), "5.1.1", "550 user unknown"));
        String stranger = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        deliver(dsn(stranger, "5.1.1", "550 user unknown"));
        deliver(fixture("auto-reply.eml"));

        Map<String, Object> run = runNow();
        assertThat(run).containsEntry("fetched", 8).containsEntry("quarantined", 5).containsEntry("bounces", 2)
                .containsEntry("nonBounces", 1);
        assertThat(testOrders.bounceFlagged(member.email())).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bounce_record WHERE email = :e").param("e", stranger).query(Long.class).single())
                .as("no member has it: recorded, flags no one").isZero();
        assertThat(listEvents("?address=" + stranger)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("decision", "NO_MEMBER"));
        List<Map<String, Object>> quarantine = as(OPERATOR).exchange("/api/bounces/quarantine", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(quarantine).hasSizeGreaterThanOrEqualTo(5);
        Map<String, Object> big = quarantine.stream().filter(q -> ((Number) q.get("sizeBytes")).intValue() > 20_000_000)
                .findFirst().orElseThrow();
        ResponseEntity<byte[]> kept = as(OPERATOR).getForEntity("/api/bounces/quarantine/" + big.get("id") + "/content", byte[].class);
        assertThat(kept.getBody()).as("kept whole, as the server served it")
                .hasSize(((Number) big.get("sizeBytes")).intValue()).hasSizeGreaterThan(huge.length - 1);
        assertThat(demoGreenMail.getReceivedMessagesForDomain(BOUNCE_ADDRESS)).isEmpty();
    }

    @Test
    @DisplayName("BNC-1 a crash after the commit and before DELE: the next run deletes the message without counting it twice")
    void refetchedMessageNotCountedTwice() throws Exception {
        Member member = newMember();
        byte[] mail = dsn(member.email(), "4.2.2", "452 mailbox full");
        deliver(mail);
        runNow();
        // the server still has it (as if DELE never reached it): deliver the identical message again
        deliver(mail);
        Map<String, Object> second = runNow();
        assertThat(second).containsEntry("fetched", 1).containsEntry("alreadyRecorded", 1).containsEntry("bounces", 0);
        assertThat(listEvents("?address=" + member.email())).hasSize(1);
        assertThat(jdbc.sql("SELECT bounce_count FROM bounce_record WHERE email = :e").param("e", member.email())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(demoGreenMail.getReceivedMessagesForDomain(BOUNCE_ADDRESS)).isEmpty();
    }

    @Test
    @DisplayName("BNC-1 POP3S with the test certificate through the explicit trust store: login test and a collected bounce")
    void pop3s() throws Exception {
        int port = freePort();
        GreenMail secure = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_POP3S));
        secure.start();
        try {
            String user = "bounce-tls@demo.cartflow.test";
            secure.setUser(user, user, "tls-secret");
            Member member = newMember();
            secure.getUserManager().getUser(user).deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(dsn(member.email(), "5.1.1", "550 no such user"))));
            Map<String, Object> view = put("{\"host\":\"ssl://127.0.0.1\",\"port\":" + port + ",\"user\":\"" + user
                    + "\",\"password\":\"tls-secret\"}");
            assertThat(view).containsEntry("ssl", true).containsEntry("port", port);
            Map<String, Object> test = as(OPERATOR).postForObject("/api/shop/bounce-settings/test", null, Map.class);
            assertThat((String) test.get("message")).startsWith("ログイン成功");
            assertThat(runNow()).containsEntry("bounces", 1);
            assertThat(testOrders.bounceFlagged(member.email())).isTrue();
            assertThat(secure.getReceivedMessages()).isEmpty();
        } finally {
            secure.stop();
        }
    }

    @Test
    @DisplayName("BNC-1 an unreachable mailbox: the run is retried, then an incident; nothing recorded")
    void unreachableServerBecomesIncident() throws IOException {
        jdbc.sql("UPDATE bounce_mailbox SET pop3_port = :port WHERE shop_id = :id").param("port", freePort()).param("id", shopId).update();
        String pid = startRun();
        for (int attempt = 0; attempt < 3; attempt++) {
            Job job = management.createJobQuery().processInstanceId(pid).singleResult();
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job fails and keeps its remaining retries
            }
        }
        assertThat(management.createJobQuery().processInstanceId(pid).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(pid).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM bounce_collection_run WHERE process_instance_id = :p").param("p", pid)
                .query(Long.class).single()).isZero();
        runtime.deleteProcessInstance(pid, "test");
    }

    @Test
    @DisplayName("BNC-1 the shop's scheduled instance waits N minutes (shop setting), then starts the next run and ends")
    void scheduledInstanceWaitsTheInterval() {
        jdbc.sql("UPDATE bounce_mailbox SET poll_minutes = 7 WHERE shop_id = :id").param("id", shopId).update();
        runtime.createProcessInstanceQuery().processDefinitionKey(BounceCollectionProcess.KEY).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "test"));
        String pid = as(OPERATOR).exchange("/api/shop/bounce-settings", HttpMethod.PUT, json("{}"), Map.class)
                .getStatusCode().is2xxSuccessful() ? runtime.createProcessInstanceQuery()
                .processDefinitionKey(BounceCollectionProcess.KEY).singleResult().getId() : null;
        assertThat(pid).isNotNull();
        Job receive = management.createJobQuery().processInstanceId(pid).singleResult();
        management.executeJob(receive.getId());
        Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
        assertThat(timer).isNotNull();
        assertThat(Duration.between(clock.instant(), timer.getDuedate().toInstant()).toMinutes()).isBetween(6L, 7L);
        assertThat(runtime.getVariable(pid, BounceCollectionProcess.Var.WAIT_DURATION)).isEqualTo("PT7M");
        management.executeJob(timer.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count())
                .as("each run is an instance of its own: it ends after starting the next one").isZero();
        ProcessInstance next = runtime.createProcessInstanceQuery().processDefinitionKey(BounceCollectionProcess.KEY)
                .processInstanceBusinessKey("shop-" + shopId).singleResult();
        assertThat(next).isNotNull();
        assertThat(runtime.getVariable(next.getId(), BounceCollectionProcess.Var.SCHEDULED)).isEqualTo(true);
        assertThat(management.createJobQuery().processInstanceId(next.getId()).singleResult())
                .as("the successor receives at once").isNotNull();
        runtime.deleteProcessInstance(next.getId(), "test");
    }

    // ---- BNC-2 / BNC-3 ------------------------------------------------------------------------------------------

    @Test
    @DisplayName("BNC-2 the order confirmation to a flagged address: 409 rule BNC-2, then sent with confirmBounced, recorded with the user")
    void orderConfirmationWarns() throws Exception {
        Member member = newMember();
        String orderNo = TestOrders.newOrderNo();
        jdbc.sql("""
                INSERT INTO customer_order (shop_id, order_no, member_id, ordered_at, email, last_name, first_name, tel,
                    zipcode, pref, city, address, payment_method_code, subtotal, shipping_fee, payment_fee, total, status)
                SELECT o.shop_id, :no, :member, o.ordered_at, :email, o.last_name, o.first_name, o.tel, o.zipcode, o.pref,
                    o.city, o.address, o.payment_method_code, o.subtotal, o.shipping_fee, o.payment_fee, o.total, 'NEW'
                FROM customer_order o WHERE o.shop_id = :shop ORDER BY o.id LIMIT 1""")
                .param("no", orderNo).param("member", member.id()).param("email", member.email()).param("shop", shopId)
                .update();
        deliver(dsn(member.email(), "5.1.1", "550 user unknown"));
        runNow();
        ResponseEntity<Map> warned = as(OPERATOR).postForEntity("/api/orders/" + orderNo + "/confirmation-mails", json("{}"), Map.class);
        assertProblem(warned, 409, "confirmBounced", "BNC-2");
        long orderId = jdbc.sql("SELECT id FROM customer_order WHERE order_no = :no").param("no", orderNo).query(Long.class).single();
        assertThat(testOrders.outboxCount(orderId)).isZero();

        ResponseEntity<Map> sent = as(OPERATOR).postForEntity("/api/orders/" + orderNo + "/confirmation-mails",
                json("{\"confirmBounced\":true}"), Map.class);
        assertThat(sent.getStatusCode().value()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT actor FROM order_event WHERE order_id = :o AND event_type = 'BOUNCE_WARNING_CONFIRMED'")
                .param("o", orderId).query(String.class).list()).containsExactly(OPERATOR);
    }

    @Test
    @DisplayName("BNC-3 an operator resets a flag by hand with a reason; audited; bad input refused")
    void manualReset() throws Exception {
        Member member = newMember();
        deliver(dsn(member.email(), "5.1.1", "550 user unknown"));
        runNow();
        assertProblem(as(OPERATOR).postForEntity("/api/bounces/resets", json("{\"address\":\"" + member.email() + "\"}"), Map.class),
                422, "reason", null);
        assertProblem(as(OPERATOR).postForEntity("/api/bounces/resets", json("{\"address\":\"not-an-address\",\"reason\":\"x\"}"),
                Map.class), 422, "address", null);
        assertProblem(as(OPERATOR).postForEntity("/api/bounces/resets",
                json("{\"address\":\"never-bounced@example.jp\",\"reason\":\"x\"}"), Map.class), 409, "address", null);
        assertThat(testOrders.bounceFlagged(member.email())).isTrue();

        ResponseEntity<Map> reset = as(OPERATOR).postForEntity("/api/bounces/resets",
                json("{\"address\":\"" + member.email().toUpperCase() + "\",\"reason\":\"会員から新しい受信設定の連絡あり\"}"), Map.class);
        assertThat(reset.getStatusCode().value()).isEqualTo(200);
        assertThat(testOrders.bounceFlagged(member.email())).isFalse();
        Map<String, Object> state = as(OPERATOR).getForObject("/api/bounces/addresses/" + member.email(), Map.class);
        assertThat(state).containsEntry("flagged", false).containsEntry("clearedBy", OPERATOR);
        assertThat((List<Map<String, Object>>) state.get("resets")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("resetBy", OPERATOR).containsEntry("reason", "会員から新しい受信設定の連絡あり")
                .containsEntry("wasKind", "HARD"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    record Member(long id, String email) {
    }

    private Member newMember() {
        String login = "bnc-" + UUID.randomUUID().toString().substring(0, 8);
        String email = login + "@member.example.jp";
        jdbc.sql("INSERT INTO member (shop_id, login_id, email, last_name, first_name) VALUES (:shop, :login, :email, '跳', '太郎')")
                .param("shop", shopId).param("login", login).param("email", email).update();
        return new Member(jdbc.sql("SELECT id FROM member WHERE login_id = :l").param("l", login).query(Long.class).single(), email);
    }

    /** An RFC 3464 notice for one recipient, with a fresh Message-ID. */
    private static byte[] dsn(String recipient, String status, String diagnostic) {
        String boundary = "b-" + UUID.randomUUID();
        return ("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@mx.member.example.jp>
                To: %s
                Subject: Delivery Status Notification (Failure)
                Message-ID: <%s@mx.member.example.jp>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="%s"

                --%s
                Content-Type: text/plain

                Delivery to %s failed.

                --%s
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.member.example.jp

                Final-Recipient: rfc822; %s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; %s

                --%s--
                """.formatted(BOUNCE_ADDRESS, UUID.randomUUID(), boundary, boundary, recipient, boundary, recipient, status,
                diagnostic, boundary)).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bounces/" + name)) {
            return in.readAllBytes();
        }
    }

    /** Straight into the bounce mailbox (the server's user manager). */
    private void deliver(byte[] raw) throws Exception {
        demoGreenMail.getUserManager().getUser(BOUNCE_ADDRESS)
                .deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /** As a remote MTA would: SMTP to the demo server, envelope recipient = the bounce address. */
    private void sendBySmtp(byte[] raw) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(smtpPort));
        props.setProperty("mail.smtp.from", "");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Transport.send(message, new InternetAddress[] {new InternetAddress(BOUNCE_ADDRESS)});
        assertThat(demoGreenMail.waitForIncomingEmail(5000, 1)).isTrue();
    }

    private String startRun() {
        ResponseEntity<Map> started = as(OPERATOR).postForEntity("/api/bounces/collection-runs", null, Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        return (String) started.getBody().get("processInstanceId");
    }

    /** POST collection-runs, run its job, return the run's summary. */
    private Map<String, Object> runNow() {
        String pid = startRun();
        Jobs.runAll(management, pid);
        List<Map<String, Object>> runs = as(OPERATOR).exchange("/api/bounces/collection-runs?limit=20", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        return runs.stream().filter(r -> pid.equals(r.get("processInstanceId"))).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> listEvents(String query) {
        ResponseEntity<List<Map<String, Object>>> response = as(OPERATOR).exchange("/api/bounces" + query, HttpMethod.GET, null,
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private Map<String, Object> put(String body) {
        ResponseEntity<Map> response = putRaw(body);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<Map> putRaw(String body) {
        return as(OPERATOR).exchange("/api/shop/bounce-settings", HttpMethod.PUT, json(body), Map.class);
    }

    /** An integration listening for bounce.flagged. */
    private void subscribeToBounceWebhooks() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<Map> created = as("storefront").postForEntity("/api/webhooks/endpoints",
                new org.springframework.http.HttpEntity<>("{\"url\":\"https://erp.example.jp/hooks\","
                        + "\"eventTypes\":[\"bounce.flagged\"]}", headers), Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        // the outbox records for every endpoint not DISABLED, the dispatcher sends only to ACTIVE ones: this test
        // looks at the outbox and sends nothing
        jdbc.sql("UPDATE webhook_endpoint SET status = 'FAILING' WHERE id = :id")
                .param("id", ((Number) created.getBody().get("id")).longValue()).update();
    }

    private List<String> bounceWebhookPayloads(String email) {
        return jdbc.sql("SELECT payload FROM webhook_event WHERE event_type = 'bounce.flagged' AND ordering_key = :key ORDER BY id")
                .param("key", "bounce:" + BounceRegistry.normalize(email)).query(String.class).list();
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void assertProblem(ResponseEntity<Map> response, int status, String field, String rule) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("field", field);
        if (rule != null) {
            assertThat(response.getBody()).containsEntry("rule", rule);
        }
    }
}
