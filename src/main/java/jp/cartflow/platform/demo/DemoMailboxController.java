package jp.cartflow.platform.demo;

import com.icegreen.greenmail.util.GreenMail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Demo only: every mail the in-process mail server has received, decoded. */
@RestController
@RequestMapping("/api/demo/mailbox")
@ConditionalOnBean(GreenMail.class)
@Tag(name = "Demo mailbox", description = "Only in the demo profile: mails received by the in-process mail server")
class DemoMailboxController {

    private final GreenMail greenMail;

    public DemoMailboxController(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    public record ReceivedMail(String messageId, List<String> to, String from, String returnPath, String subject,
                               String contentType, Instant sentAt, String body) {
    }

    @GetMapping
    @Operation(summary = "List the received mails, newest last",
            description = "Demo profile only: the mails the in-process mail server received, for trying the flows without a real mailbox. Rules: none.")
    public List<ReceivedMail> list() throws MessagingException, IOException {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        List<ReceivedMail> mails = new java.util.ArrayList<>();
        for (MimeMessage message : messages) {
            mails.add(new ReceivedMail(message.getMessageID(),
                    addresses(message.getRecipients(Message.RecipientType.TO)),
                    String.join(", ", addresses(message.getFrom())),
                    message.getHeader("Return-Path", null),
                    message.getSubject(),
                    message.getContentType(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    String.valueOf(message.getContent())));
        }
        return mails;
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString()).toList();
    }
}
