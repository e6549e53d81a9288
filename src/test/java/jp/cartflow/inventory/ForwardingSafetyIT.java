package jp.cartflow.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.mail.outbox.MailOutbox;
import jp.cartflow.mail.outbox.OutboxMail;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.TestOrders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MAIL-4 made safe, over REST against PostgreSQL and a real SMTP server (GreenMail): the switch is checked again
 * at dispatch, nothing is queued while a tool is off, switching on releases no backlog, every forward is audited.
 */
class ForwardingSafetyIT extends PostgresIntegrationTest {

    private static final String TEMPOSTAR = "/api/admin/shops/demo/inventory-tools/tempostar";
    private static final String DEMO_INTAKE = "tempostar@demo.cartflow.test";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired MailOutbox outbox;
    @Autowired GreenMail mailServer;
    @Autowired TestOrders testOrders;
    ToolHttp http;

    @BeforeEach
    void setUp() throws Exception {
        http = new ToolHttp(port);
        outbox.dispatchDue(1000);
        mailServer.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void demoSettings() {
        // the demo's TEMPOSTAR address predates the address check; other tests rely on it
        jdbc.sql("""
                UPDATE inventory_tool SET intake_address = :a, order_intake_address = NULL, forwarding_enabled = TRUE
                WHERE tool_code = 'TEMPOSTAR'""").param("a", DEMO_INTAKE).update();
        jdbc.sql("UPDATE inventory_tool SET forwarding_enabled = FALSE WHERE tool_code = 'ZAIKO_ROBOT'").update();
    }

    private List<Long> confirm() {
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "yamada", "yamato");
        ToolHttp.Answer queued = http.json("POST", "/api/orders/" + orderNo + "/confirmation-mails", "operator",
                "operator", "{}");
        assertThat(queued.status()).as(queued.raw()).isEqualTo(202);
        List<Long> ids = new ArrayList<>();
        queued.json().path("forwardedMailIds").forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    private ToolHttp.Answer forwarding(boolean on) {
        ToolHttp.Answer answer = http.admin("PUT", TEMPOSTAR + "/forwarding", "{\"enabled\":" + on + "}");
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        return answer;
    }

    private List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    @DisplayName("MAIL-4 a tool switched off between queueing and dispatch receives nothing, and switching it on releases no backlog")
    void offBetweenQueueAndDispatch() {
        List<Long> forwards = confirm();
        assertThat(forwards).hasSize(1);

        ToolHttp.Answer off = forwarding(false);
        assertThat(off.json().path("forwardingEnabled").asBoolean()).isFalse();
        assertThat(off.json().path("forwardingChangedAt").asText()).isNotBlank();
        outbox.dispatchDue(1000);

        assertThat(receivedBy("yamada@demo.cartflow.test")).as("the customer still gets the confirmation").hasSize(1);
        assertThat(receivedBy(DEMO_INTAKE)).isEmpty();
        assertThat(outbox.get(forwards.get(0)).status()).isEqualTo(OutboxMail.Status.WITHHELD);

        assertThat(confirm()).as("nothing is queued while the tool is off").isEmpty();

        forwarding(true);
        outbox.dispatchDue(1000);
        assertThat(receivedBy(DEMO_INTAKE)).as("no backlog after switching on").isEmpty();
        assertThat(http.admin("GET", TEMPOSTAR + "/forwarded-mails", null).json().toString())
                .doesNotContain(outbox.get(forwards.get(0)).messageId());
    }

    @Test
    @DisplayName("MAIL-4 the outbox checks the switch again at dispatch: a switch turned off after queueing (by any path) withholds the forward")
    void switchCheckedAtDispatch() {
        List<Long> forwards = confirm();
        // the switch changes underneath the queued forward, without the admin endpoint's own clean-up
        jdbc.sql("UPDATE inventory_tool SET forwarding_enabled = FALSE WHERE tool_code = 'TEMPOSTAR'").update();
        outbox.dispatchDue(1000);
        assertThat(receivedBy(DEMO_INTAKE)).isEmpty();
        assertThat(outbox.get(forwards.get(0)).status()).isEqualTo(OutboxMail.Status.WITHHELD);
        jdbc.sql("UPDATE inventory_tool SET forwarding_enabled = TRUE WHERE tool_code = 'TEMPOSTAR'").update();
        outbox.dispatchDue(1000);
        assertThat(receivedBy(DEMO_INTAKE)).isEmpty();
    }

    @Test
    @DisplayName("MAIL-4 TEMPOSTAR with its own …@system.tempostar.net intake and a second order address: both get the mail, each forward is audited")
    void twoAddressesAndAudit() throws Exception {
        ToolHttp.Answer saved = http.admin("PUT", TEMPOSTAR, "{\"name\":\"TEMPOSTAR\",\"intakeAddress\":"
                + "\"shop-0042@system.tempostar.net\",\"orderIntakeAddress\":\"order-0042@system.tempostar.net\"}");
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.json().path("orderIntakeAddress").asText()).isEqualTo("order-0042@system.tempostar.net");

        List<Long> forwards = confirm();
        assertThat(forwards).hasSize(2);
        outbox.dispatchDue(1000);
        MimeMessage stock = receivedBy("shop-0042@system.tempostar.net").get(0);
        MimeMessage orders = receivedBy("order-0042@system.tempostar.net").get(0);
        assertThat(orders.getSubject()).isEqualTo(stock.getSubject());

        JsonNode audit = http.admin("GET", TEMPOSTAR + "/forwarded-mails?limit=2", null).json();
        assertThat(audit.size()).isEqualTo(2);
        List<String> messageIds = new ArrayList<>();
        audit.forEach(e -> {
            messageIds.add(e.path("messageId").asText());
            assertThat(e.path("tool").asText()).isEqualTo("TEMPOSTAR");
            assertThat(e.path("sentAt").asText()).isNotBlank();
            assertThat(e.path("shopId").asLong()).isPositive();
        });
        assertThat(messageIds).containsExactlyInAnyOrder(stock.getMessageID(), orders.getMessageID());
    }

    @Test
    @DisplayName("MAIL-4 bad settings → 4xx problem naming the field, nothing changed: a TEMPOSTAR address outside system.tempostar.net, a bad address, no switch value")
    void badSettings() {
        http.admin("PUT", TEMPOSTAR, "{\"intakeAddress\":\"orders@example.com\"}").problem(422, "intakeAddress");
        http.admin("PUT", TEMPOSTAR, "{\"intakeAddress\":\"shop@system.tempostar.net\",\"orderIntakeAddress\":\"x\"}")
                .problem(422, "orderIntakeAddress");
        http.admin("PUT", TEMPOSTAR, "{}").problem(422, "intakeAddress");
        http.admin("PUT", TEMPOSTAR + "/forwarding", "{}").problem(422, "enabled");
        http.admin("PUT", "/api/admin/shops/demo/inventory-tools/other/forwarding", "{\"enabled\":true}").problem(404, "tool");
        assertThat(jdbc.sql("SELECT intake_address FROM inventory_tool WHERE tool_code = 'TEMPOSTAR'")
                .query(String.class).single()).isEqualTo(DEMO_INTAKE);
        // zaikoRobot's addresses are its own (no fixed domain)
        assertThat(http.admin("PUT", "/api/admin/shops/demo/inventory-tools/zaikorobot",
                "{\"intakeAddress\":\"zaikorobot@demo.cartflow.test\"}").status()).isEqualTo(200);
        http.json("PUT", TEMPOSTAR + "/forwarding", "storefront", "storefront", "{\"enabled\":false}").problem(403, null);
    }
}
