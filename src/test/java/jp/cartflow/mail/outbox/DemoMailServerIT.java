package jp.cartflow.mail.outbox;

import jp.cartflow.mail.Mails;
import jp.cartflow.mail.Sender;
import jp.cartflow.shop.ShopDirectory;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo profile's in-process mail server receives what the outbox sends, and the demo mailbox shows it. */
class DemoMailServerIT extends PostgresIntegrationTest {

    @Autowired MailOutbox outbox;
    @Autowired Mails mails;
    @Autowired ShopDirectory shops;
    @Autowired GreenMail mailServer;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate rest;

    @Test
    @DisplayName("BNC-1 a mail queued in the outbox is delivered to the demo mail server with the bounce mailbox as envelope sender")
    void delivered() throws Exception {
        outbox.dispatchDue(1000); // whatever other tests left queued
        mailServer.purgeEmailFromAllMailboxes();
        long shopId = jdbc.sql("SELECT id FROM shop WHERE code = 'demo'").query(Long.class).single();
        long id = mails.queueText(shopId, MailKind.NOTICE, null, Sender.shop(shops.byId(shopId)),
                List.of("someone@demo.cartflow.test"), "テスト送信", "本文です。");

        assertThat(outbox.dispatchDue(10)).isEqualTo(1);
        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("テスト送信");
        assertThat(received[0].getMessageID()).isEqualTo(outbox.get(id).messageId());
        assertThat(received[0].getHeader("Return-Path", null)).contains("bounce@demo.cartflow.test");
        assertThat(outbox.get(id).status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(outbox.get(id).smtpReply()).startsWith("250");
        assertThat(outbox.dispatchDue(10)).as("sent once, not again").isZero();

        List<Map<String, Object>> mailbox = rest.withBasicAuth("operator", "operator")
                .getForObject("/api/demo/mailbox", List.class);
        assertThat(mailbox).anySatisfy(m -> assertThat(m).containsEntry("subject", "テスト送信"));
    }
}
