package jp.cartflow.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The SMTP transport against a real SMTP/POP3 server (GreenMail) and, for 4xx/5xx replies, a scripted one. */
class SmtpMailTransportTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP_POP3);

    private static final String SHOP = "shop@cartflow-shop.example.jp";
    private static final String BOUNCE = "bounce@cartflow-shop.example.jp";
    private static final String CUSTOMER = "taro.yamada@example.jp";

    private static final String SUBJECT = "【カートフロー】商品を発送いたしました";
    private static final String BODY = String.join("\n",
            "山田 太郎 様",
            "",
            "この度は「カートフロー商店」をご利用いただき、誠にありがとうございます。",
            "ご注文の商品を本日発送いたしました。",
            "",
            "【ご注文番号】CF-20261101-0042",
            "【お届け予定日】2026年11月3日（火）",
            "【配送方法】ヤマト運輸　宅急便　お問い合わせ番号：1234-5678-9012",
            "",
            "※ ご不明な点はお気軽にお問い合わせください。",
            "━━━━━━━━━━━━━━━━",
            "カートフロー商店　〒100-0001 東京都千代田区千代田1-1",
            "");

    private static SmtpProperties props(int port) {
        return new SmtpProperties("127.0.0.1", port, null, null, false, false, Duration.ofSeconds(5),
                Duration.ofSeconds(5), "cartflow.test", "cartflow.local");
    }

    private static SmtpMailTransport transport() {
        return new SmtpMailTransport(props(ServerSetupTest.SMTP.getPort()));
    }

    private static String newMessageId() {
        return MessageIds.forOutbox(42, UUID.randomUUID().toString(), "cartflow.local");
    }

    private static OutgoingMail mail(String messageId, String subject, String body, String charset) {
        return new OutgoingMail(messageId, BOUNCE, MailAddress.of(SHOP, "カートフロー商店"),
                List.of(MailAddress.of(CUSTOMER, "山田 太郎")), List.of(), subject, body, charset,
                Map.of("X-Cartflow-Order", "CF-20261101-0042"));
    }

    /** The message exactly as stored by the server: RETR over a raw POP3 connection (dot-stuffing undone). */
    private static byte[] rawViaPop3(String user) throws IOException {
        try (Socket s = new Socket("127.0.0.1", ServerSetupTest.POP3.getPort())) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            readLine(in);
            for (String cmd : List.of("USER " + user, "PASS " + user)) {
                out.write((cmd + "\r\n").getBytes(StandardCharsets.US_ASCII));
                assertThat(readLine(in)).startsWith("+OK");
            }
            out.write("RETR 1\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readLine(in)).startsWith("+OK");
            ByteArrayOutputStream msg = new ByteArrayOutputStream();
            while (true) {
                byte[] line = readLineBytes(in);
                String text = new String(line, StandardCharsets.ISO_8859_1);
                if (text.equals(".\r\n")) {
                    break;
                }
                msg.write(line, text.startsWith("..") ? 1 : 0, line.length - (text.startsWith("..") ? 1 : 0));
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return msg.toByteArray();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        return new String(readLineBytes(in), StandardCharsets.ISO_8859_1);
    }

    private static byte[] readLineBytes(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toByteArray();
    }

    private static String rawHeaders(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        return all.substring(0, all.indexOf("\r\n\r\n") + 2);
    }

    private static byte[] rawBody(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        return all.substring(all.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static String crlf(String s) {
        return s.replace("\n", "\r\n");
    }

    @Test
    @DisplayName("MAIL-5 an ISO-2022-JP mail decodes to the same Japanese text in a standard client library")
    void iso2022jpRoundTrip() throws Exception {
        transport().send(mail(newMessageId(), SUBJECT, BODY, "ISO-2022-JP"));

        byte[] raw = rawViaPop3(CUSTOMER);
        String headers = rawHeaders(raw);
        byte[] body = rawBody(raw);

        assertThat(headers).contains("Subject: =?ISO-2022-JP?B?");
        assertThat(headers).containsPattern("(?i)Content-Type: text/plain; charset=\"?ISO-2022-JP\"?");
        assertThat(headers).contains("Content-Transfer-Encoding: 7bit");
        assertThat(headers).contains("From: =?ISO-2022-JP?"); // display name encoded too
        String bodyLatin1 = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(bodyLatin1).contains("\u001b$B").contains("\u001b(B");
        assertThat(bodyLatin1).doesNotContain("\u001b(I"); // no JIS X 0201 katakana (not RFC 1468)
        for (byte b : raw) {
            assertThat(b & 0xff).as("8-bit byte in raw message").isLessThan(0x80);
        }
        assertThat(bodyLatin1).doesNotContainPattern("[^\r]\n"); // bare LF never sent

        MimeMessage parsed = parse(raw);
        assertThat(parsed.getSubject()).isEqualTo(SUBJECT);
        assertThat(parsed.getContent()).isEqualTo(crlf(BODY));
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("カートフロー商店");
        assertThat(parsed.getHeader("X-Cartflow-Order", null)).isEqualTo("CF-20261101-0042");

        // and the server's own jakarta.mail view agrees (GreenMail's in-memory copy drops the final CRLF,
        // which RFC 5321 counts as part of the message and its POP3 RETR above returns)
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(SUBJECT);
        assertThat(received.getContent() + "\r\n").isEqualTo(crlf(BODY));
    }

    @Test
    @DisplayName("MAIL-5 a UTF-8 mail round-trips; subject RFC 2047 =?UTF-8?B?, body base64, no 8-bit bytes")
    void utf8RoundTrip() throws Exception {
        String subject = SUBJECT + " ①🎁"; // UTF-8 carries what ISO-2022-JP cannot
        String body = BODY + "ｶﾀｶﾅ ① 髙橋 ～ 🎁\n";
        transport().send(mail(newMessageId(), subject, body, "utf-8"));

        byte[] raw = rawViaPop3(CUSTOMER);
        String headers = rawHeaders(raw);
        assertThat(headers).contains("Subject: =?UTF-8?B?");
        assertThat(headers).containsPattern("(?i)Content-Type: text/plain; charset=\"?UTF-8\"?");
        assertThat(headers).contains("Content-Transfer-Encoding: base64");
        for (byte b : raw) {
            assertThat(b & 0xff).as("8-bit byte in raw message").isLessThan(0x80);
        }
        MimeMessage parsed = parse(raw);
        assertThat(parsed.getSubject()).isEqualTo(subject);
        assertThat(parsed.getContent()).isEqualTo(crlf(body));
    }

    @Test
    @DisplayName("MAIL-5 line endings: LF, CR and CRLF in the body all arrive as CRLF")
    void lineEndingsNormalised() throws Exception {
        transport().send(mail(newMessageId(), "改行", "一行目\n二行目\r三行目\r\n四行目", "ISO-2022-JP"));
        assertThat(parse(rawViaPop3(CUSTOMER)).getContent()).isEqualTo("一行目\r\n二行目\r\n三行目\r\n四行目\r\n");
    }

    @Test
    @DisplayName("MAIL-5 Windows-typed ～ (U+FF5E) is sent in ISO-2022-JP as JIS 0x2141 (decodes as 〜 U+301C), not refused")
    void windowsWaveDashIsMapped() throws Exception {
        assertThat(CharsetCheck.firstUnencodable("14時～16時 ∥ － ― ￠￡￢", "ISO-2022-JP")).isEmpty();
        transport().send(mail(newMessageId(), "お届け時間帯 14時～16時", "14時～16時\n――\n", "ISO-2022-JP"));
        byte[] raw = rawViaPop3(CUSTOMER);
        assertThat(new String(rawBody(raw), StandardCharsets.ISO_8859_1)).contains(";~!A"); // 時 0x3B7E, ～ as 0x2141
        MimeMessage parsed = parse(raw);
        assertThat(parsed.getSubject()).isEqualTo("お届け時間帯 14時〜16時");
        assertThat(parsed.getContent()).isEqualTo("14時〜16時\r\n——\r\n");
    }

    @Test
    @DisplayName("BNC-1 the envelope sender is the shop's bounce mailbox")
    void envelopeSenderIsBounceMailbox() throws Exception {
        transport().send(mail(newMessageId(), SUBJECT, BODY, "UTF-8"));

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getHeader("Return-Path", null)).isEqualTo("<" + BOUNCE + ">");
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo(SHOP);
        assertThat(from.getPersonal()).isEqualTo("カートフロー商店");
    }

    @Test
    @DisplayName("the Message-ID sent is exactly ours, so a resent outbox row is a detectable duplicate")
    void messageIdIsOurs() throws Exception {
        String id = MessageIds.forOutbox(42, "3f2a9c1e-7b4d-4e0f-9a51-0c6d2e8b7a10", "cartflow.local");
        assertThat(id).isEqualTo("<outbox-42.3f2a9c1e-7b4d-4e0f-9a51-0c6d2e8b7a10@cartflow.local>");

        SmtpReceipt first = transport().send(mail(id, SUBJECT, BODY, "ISO-2022-JP"));
        SmtpReceipt retry = transport().send(mail(id, SUBJECT, BODY, "ISO-2022-JP"));

        assertThat(first.messageId()).isEqualTo(id);
        assertThat(retry.messageId()).isEqualTo(id);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        for (MimeMessage m : received) {
            assertThat(m.getMessageID()).isEqualTo(id);
            assertThat(m.getHeader("Message-ID")).hasSize(1);
        }
    }

    @Test
    @DisplayName("the receipt carries the server's final reply, starting with 250, and the Message-ID")
    void receiptHasServerReply() throws Exception {
        String id = newMessageId();
        SmtpReceipt receipt = transport().send(mail(id, SUBJECT, BODY, "UTF-8"));
        assertThat(receipt.serverReply()).startsWith("250");
        assertThat(receipt.replyCode()).isEqualTo(250);
        assertThat(receipt.messageId()).isEqualTo(id);
    }

    @Test
    @DisplayName("to and cc recipients are all delivered, cc shown in the header")
    void toAndCc() throws Exception {
        OutgoingMail m = new OutgoingMail(newMessageId(), BOUNCE, MailAddress.of(SHOP),
                List.of(MailAddress.of(CUSTOMER)), List.of(MailAddress.of("copy@cartflow-shop.example.jp", "控え")),
                "注文通知", "本文", "ISO-2022-JP", Map.of());
        transport().send(m);
        assertThat(greenMail.getReceivedMessages()).hasSize(2); // one per mailbox
        MimeMessage parsed = parse(rawViaPop3("copy@cartflow-shop.example.jp"));
        assertThat(((InternetAddress) parsed.getRecipients(jakarta.mail.Message.RecipientType.CC)[0]).getPersonal())
                .isEqualTo("控え");
    }

    @Test
    @DisplayName("server down (nothing listening) → transient failure without reply code (retry later)")
    void serverDownIsTransient() throws Exception {
        int unused;
        try (ServerSocket s = new ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        MailDeliveryException e = catchThrowableOfType(
                () -> new SmtpMailTransport(props(unused)).send(mail(newMessageId(), SUBJECT, BODY, "UTF-8")),
                MailDeliveryException.class);
        assertThat(e.isTransient()).isTrue();
        assertThat(e.replyCode()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-5 a character ISO-2022-JP cannot carry → permanent failure naming it; nothing is sent")
    void unencodableIsPermanent() {
        MailDeliveryException e = catchThrowableOfType(
                () -> transport().send(mail(newMessageId(), SUBJECT, "ご注文番号\n①番の商品", "ISO-2022-JP")),
                MailDeliveryException.class);
        assertThat(e.isPermanent()).isTrue();
        assertThat(e.replyCode()).isEmpty();
        assertThat(e.getMessage()).contains("'①'").contains("U+2460").contains("line 2, column 1").contains("body");

        assertThatThrownBy(() -> transport().send(mail(newMessageId(), "ギフト🎁", BODY, "ISO-2022-JP")))
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("U+1F381").hasMessageContaining("subject");
        assertThatThrownBy(() -> transport().send(mail(newMessageId(), SUBJECT, "ｶﾀｶﾅ", "ISO-2022-JP")))
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("'ｶ'");
        assertThatThrownBy(() -> transport().send(mail(newMessageId(), SUBJECT, "髙橋様", "ISO-2022-JP")))
                .isInstanceOf(MailDeliveryException.class).hasMessageContaining("'髙'");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-5 CharsetCheck.firstUnencodable reports the first bad character with line and column")
    void charsetCheck() {
        assertThat(CharsetCheck.firstUnencodable(SUBJECT + BODY, "ISO-2022-JP")).isEmpty();
        assertThat(CharsetCheck.firstUnencodable("ａ①🎁", "UTF-8")).isEmpty();
        var bad = CharsetCheck.firstUnencodable("一行目\r\n🎁と①", "iso-2022-jp").orElseThrow();
        assertThat(bad.codePoint()).isEqualTo(0x1F381);
        assertThat(bad.line()).isEqualTo(2);
        assertThat(bad.column()).isEqualTo(1);
        var kana = CharsetCheck.firstUnencodable("ab ｱ", "ISO-2022-JP").orElseThrow();
        assertThat(kana.character()).isEqualTo("ｱ");
        assertThat(kana.column()).isEqualTo(4);
        assertThat(CharsetCheck.firstUnencodable("\uD800x", "UTF-8")).isPresent(); // lone surrogate
    }

    @Test
    @DisplayName("wrong SMTP password → 535 → permanent failure with the reply code")
    void authFailureIsPermanent() {
        greenMail.setUser("shop-smtp@cartflow-shop.example.jp", "shop-smtp", "right-password");
        SmtpProperties p = new SmtpProperties("127.0.0.1", ServerSetupTest.SMTP.getPort(), "shop-smtp",
                "wrong-password", false, false, Duration.ofSeconds(5), Duration.ofSeconds(5), null, null);
        MailDeliveryException e = catchThrowableOfType(
                () -> new SmtpMailTransport(p).send(mail(newMessageId(), SUBJECT, BODY, "UTF-8")),
                MailDeliveryException.class);
        assertThat(e.isPermanent()).isTrue();
        assertThat(e.replyCode()).hasValue(535);
        assertThat(e.serverReply()).hasValueSatisfying(r -> assertThat(r).startsWith("535"));
    }

    @Test
    @DisplayName("right SMTP password → AUTH succeeds and the mail is accepted")
    void authSuccess() throws Exception {
        greenMail.setUser("shop-smtp@cartflow-shop.example.jp", "shop-smtp", "right-password");
        SmtpProperties p = new SmtpProperties("127.0.0.1", ServerSetupTest.SMTP.getPort(), "shop-smtp",
                "right-password", false, false, Duration.ofSeconds(5), Duration.ofSeconds(5), null, null);
        assertThat(new SmtpMailTransport(p).send(mail(newMessageId(), SUBJECT, BODY, "UTF-8")).serverReply())
                .startsWith("250");
    }

    @Test
    @DisplayName("4xx reply to DATA (scripted server) → transient failure with the reply code")
    void tempFailureIsTransient() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                cmd -> cmd.startsWith("RCPT") ? "250 OK" : null, "451 4.3.0 Try again later")) {
            MailDeliveryException e = catchThrowableOfType(
                    () -> new SmtpMailTransport(props(server.port())).send(mail(newMessageId(), SUBJECT, BODY, "UTF-8")),
                    MailDeliveryException.class);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.replyCode()).hasValue(451);
            assertThat(e.serverReply()).hasValue("451 4.3.0 Try again later");
            assertThat(server.transcript()).contains("MAIL FROM:<" + BOUNCE + ">");
        }
    }

    @Test
    @DisplayName("5xx reply to RCPT (scripted server) → permanent failure naming the recipient and code")
    void rejectedRecipientIsPermanent() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(
                cmd -> cmd.startsWith("RCPT") ? "550 5.1.1 User unknown" : null, "250 OK")) {
            MailDeliveryException e = catchThrowableOfType(
                    () -> new SmtpMailTransport(props(server.port())).send(mail(newMessageId(), SUBJECT, BODY, "UTF-8")),
                    MailDeliveryException.class);
            assertThat(e.isPermanent()).isTrue();
            assertThat(e.replyCode()).hasValue(550);
            assertThat(e.getMessage()).contains(CUSTOMER).contains("User unknown");
        }
    }

    @Test
    @DisplayName("header injection and bad Message-IDs are refused when the mail is built")
    void validation() {
        assertThatThrownBy(() -> mail(newMessageId(), "件名\r\nBcc: x@evil.example", BODY, "UTF-8"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail("no-brackets@cartflow.local", SUBJECT, BODY, "UTF-8"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail(newMessageId(), SUBJECT, BODY, "Shift_JIS"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageIds.forOutbox(1, "x y", "cartflow.local"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A one-connection SMTP server answering from a script: enough to get 4xx/5xx replies GreenMail never sends. */
    static final class ScriptedSmtpServer implements AutoCloseable {
        private final ServerSocket socket;
        private final StringBuffer transcript = new StringBuffer();
        private final CompletableFuture<Void> done;

        ScriptedSmtpServer(Function<String, String> commandReply, String dataReply) throws IOException {
            socket = new ServerSocket(0);
            done = CompletableFuture.runAsync(() -> serve(commandReply, dataReply));
        }

        int port() {
            return socket.getLocalPort();
        }

        String transcript() {
            return transcript.toString();
        }

        private void serve(Function<String, String> commandReply, String dataReply) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(5000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = s.getOutputStream();
                reply(out, "220 scripted ESMTP");
                String line;
                while ((line = in.readLine()) != null) {
                    transcript.append(line).append('\n');
                    String cmd = line.toUpperCase();
                    String scripted = commandReply.apply(cmd);
                    if (scripted != null) {
                        reply(out, scripted);
                    } else if (cmd.startsWith("DATA")) {
                        reply(out, "354 go ahead");
                        while (!".".equals(in.readLine())) {
                            // swallow the message
                        }
                        reply(out, dataReply);
                    } else if (cmd.startsWith("QUIT")) {
                        reply(out, "221 bye");
                        return;
                    } else {
                        reply(out, "250 OK");
                    }
                }
            } catch (IOException ignored) {
                // test ended
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // server thread already gone
            }
        }
    }

    @Test
    @DisplayName("a batch connection sends many mails over one session and reconnects once when the server dropped it")
    void batchConnectionReusesAndReconnects() throws Exception {
        try (MailTransport.Connection connection = transport().openConnection()) {
            for (int i = 0; i < 3; i++) {
                assertThat(connection.send(mail(newMessageId(), SUBJECT, BODY, "UTF-8")).replyCode()).isEqualTo(250);
            }
            greenMail.reset(); // the server restarts: the open session is gone
            assertThat(connection.send(mail(newMessageId(), SUBJECT, BODY, "UTF-8")).replyCode()).isEqualTo(250);
        }
        assertThat(greenMail.getReceivedMessages()).as("after the restart").hasSize(1);
    }
}
