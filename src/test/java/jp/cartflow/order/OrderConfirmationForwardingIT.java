package jp.cartflow.order;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MAIL-4: the order confirmation goes, unchanged, to each enabled inventory tool; a tool switched off gets nothing. */
class OrderConfirmationForwardingIT extends PostgresIntegrationTest {

    @Autowired OrderConfirmationMails confirmations;
    @Autowired MailOutbox outbox;
    @Autowired GreenMail mailServer;
    @Autowired TestOrders testOrders;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void purge() throws Exception {
        outbox.dispatchDue(1000); // whatever other tests left queued
        mailServer.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void demoToolSettings() {
        setForwarding("ZAIKO_ROBOT", false);
        setForwarding("TEMPOSTAR", true);
    }

    private void setForwarding(String tool, boolean on) {
        jdbc.sql("UPDATE inventory_tool SET forwarding_enabled = :on WHERE tool_code = :tool")
                .param("on", on).param("tool", tool).update();
    }

    @Test
    @DisplayName("MAIL-4 TEMPOSTAR (on) receives an identical copy; zaikoRobot (off) receives nothing and nothing is queued for it")
    void forwarding() throws Exception {
        String orderNo = TestOrders.newOrderNo();
        long orderId = testOrders.create(orderNo, "yamada", "yamato");

        OrderConfirmationMails.Queued queued = confirmations.queue(orderNo, false, "storefront");
        assertThat(queued.forwardedMailIds()).hasSize(1);
        List<OutboxMail> rows = outbox.forOrder(orderId);
        assertThat(rows).extracting(r -> r.to().get(0))
                .containsExactlyInAnyOrder("yamada@demo.cartflow.test", "tempostar@demo.cartflow.test");
        assertThat(rows).noneMatch(r -> r.to().contains("zaikorobot@demo.cartflow.test"));

        assertThat(outbox.dispatchDue(10)).isEqualTo(2);
        MimeMessage customer = received("yamada@demo.cartflow.test");
        MimeMessage tool = received("tempostar@demo.cartflow.test");
        assertThat(tool.getSubject()).isEqualTo(customer.getSubject());
        assertThat(tool.getContent()).isEqualTo(customer.getContent());
        assertThat(tool.getContentType()).isEqualTo(customer.getContentType());
    }

    @Test
    @DisplayName("MAIL-4 switching a tool on makes it receive the next confirmation")
    void switchedOn() {
        setForwarding("ZAIKO_ROBOT", true);
        String orderNo = TestOrders.newOrderNo();
        testOrders.create(orderNo, "yamada", "yamato");
        assertThat(confirmations.queue(orderNo, false, "storefront").forwardedMailIds()).hasSize(2);
    }

    private MimeMessage received(String address) throws Exception {
        return Arrays.stream(mailServer.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
    }
}
