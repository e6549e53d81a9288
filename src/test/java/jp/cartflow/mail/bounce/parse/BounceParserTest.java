package jp.cartflow.mail.bounce.parse;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Fixtures in src/test/resources/bounces are written by us, one per notice style. */
class BounceParserTest {

    private final BounceParser parser = new BounceParser();

    private ParsedMail parse(String fixture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/bounces/" + fixture)) {
            assertThat(in).as(fixture).isNotNull();
            return parser.parse(in.readAllBytes());
        }
    }

    @Test
    @DisplayName("BNC-4 RFC 3464 DSN: user unknown is a hard bounce with status, reason and the server's words")
    void rfc3464UserUnknown() throws IOException {
        ParsedMail mail = parse("rfc3464-user-unknown.eml");
        assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.BOUNCE);
        assertThat(mail.messageId()).isEqualTo("<dsn-0001@mx.cartflow-test.example>");
        assertThat(mail.recipients()).singleElement().satisfies(r -> {
            assertThat(r.address()).isEqualTo("hanako.gone@member.example.jp");
            assertThat(r.status()).isEqualTo("5.1.1");
            assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
            assertThat(r.hard()).isTrue();
            assertThat(r.diagnostic()).contains("User unknown");
        });
    }

    @Test
    @DisplayName("BNC-4 DSN with several recipients: mailbox full is soft, host unknown hard, the delivered one is no failure")
    void severalRecipients() throws IOException {
        assertThat(parse("rfc3464-two-recipients.eml").recipients())
                .extracting(FailedRecipient::address, FailedRecipient::status, FailedRecipient::reason, FailedRecipient::hard)
                .containsExactly(tuple("full@member.example.jp", "5.2.2", Reason.MAILBOX_FULL, false),
                        tuple("nodomain@nowhere.example.invalid", "5.1.2", Reason.HOST_UNKNOWN, true));
    }

    @Test
    @DisplayName("BNC-4 a DSN that reports only deliveries is not a bounce")
    void deliveredOnly() throws IOException {
        assertThat(parse("dsn-delivered-only.eml").kind()).isEqualTo(ParsedMail.Kind.NOT_BOUNCE);
    }

    @Test
    @DisplayName("BNC-4 qmail text notice: host unknown, hard, the sender's own address not taken for the recipient")
    void qmail() throws IOException {
        assertThat(parse("qmail-host-unknown.eml").recipients())
                .extracting(FailedRecipient::address, FailedRecipient::status, FailedRecipient::reason, FailedRecipient::hard)
                .containsExactly(tuple("taro@no-such-domain.example.com", "5.1.2", Reason.HOST_UNKNOWN, true));
    }

    @Test
    @DisplayName("BNC-4 an address the notice offers for help (please contact …, …までご連絡ください) is not a failed recipient")
    void helpDeskAddressIsNoRecipient() throws IOException {
        assertThat(parse("help-desk-address.eml").recipients())
                .extracting(FailedRecipient::address).containsExactly("taro@customer.example.com");
    }

    @Test
    @DisplayName("BNC-4 Exim notice: X-Failed-Recipients names the recipient, 5.1.1 is hard")
    void exim() throws IOException {
        ParsedMail mail = parse("exim-failed-recipients.eml");
        assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.BOUNCE);
        assertThat(mail.recipients()).extracting(FailedRecipient::address, FailedRecipient::hard)
                .containsExactly(tuple("jiro@member.example.org", true));
    }

    @Test
    @DisplayName("BNC-4 Exchange notice: the failed address, not the quoted To of the original")
    void exchange() throws IOException {
        assertThat(parse("exchange-not-reached.eml").recipients())
                .extracting(FailedRecipient::address, FailedRecipient::reason, FailedRecipient::hard)
                .containsExactly(tuple("saburo@corp.example.com", Reason.USER_UNKNOWN, true));
    }

    @Test
    @DisplayName("BNC-4 Japanese carrier notice in ISO-2022-JP: 宛先不明 is a hard user-unknown bounce")
    void japaneseCarrier() throws IOException {
        ParsedMail mail = parse("carrier-japanese-iso2022jp.eml");
        assertThat(mail.subject()).isEqualTo("メールを配信できませんでした");
        assertThat(mail.recipients()).singleElement().satisfies(r -> {
            assertThat(r.address()).isEqualTo("hanako@docomo.example.ne.jp");
            assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
            assertThat(r.hard()).isTrue();
            assertThat(r.diagnostic()).contains("存在しません");
        });
    }

    @Test
    @DisplayName("BNC-1 a carrier notice labelled ISO-2022-JP but written in EUC-JP or UTF-8 is read, not quarantined")
    void mislabelledJapaneseCarrier() throws IOException {
        for (String[] c : new String[][] {{"carrier-mislabelled-eucjp.eml", "jiro@ezweb.example.ne.jp"},
                {"carrier-mislabelled-utf8.eml", "saburo@au.example.ne.jp"}}) {
            ParsedMail mail = parse(c[0]);
            assertThat(mail.quarantine()).as(c[0]).isNull();
            assertThat(mail.recipients()).as(c[0]).singleElement().satisfies(r -> {
                assertThat(r.address()).isEqualTo(c[1]);
                assertThat(r.reason()).isEqualTo(Reason.USER_UNKNOWN);
                assertThat(r.diagnostic()).contains("存在しません");
            });
        }
        // a UTF-8 label over Shift_JIS bytes is still refused: only the 7-bit ISO-2022-JP label is provably wrong
        assertThat(parse("wrong-charset.eml").quarantine()).contains("文字コードが宣言");
    }

    @Test
    @DisplayName("BNC-4 Amazon SES JSON notification: permanent bounce of the named recipient")
    void ses() throws IOException {
        assertThat(parse("ses-json.eml").recipients())
                .extracting(FailedRecipient::address, FailedRecipient::status, FailedRecipient::hard)
                .containsExactly(tuple("shiro@member.example.jp", "5.1.1", true));
    }

    @Test
    @DisplayName("BNC-4 ARF feedback report is a complaint, not a delivery failure")
    void complaint() throws IOException {
        ParsedMail mail = parse("arf-complaint.eml");
        assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.COMPLAINT);
        assertThat(mail.recipients()).extracting(FailedRecipient::address, FailedRecipient::reason, FailedRecipient::hard)
                .containsExactly(tuple("kuro@member.example.jp", Reason.COMPLAINT, false));
    }

    @Test
    @DisplayName("BNC-4 RFC 3834 auto-reply and a person's mail are no failures")
    void autoReplyAndPerson() throws IOException {
        assertThat(parse("auto-reply.eml").kind()).isEqualTo(ParsedMail.Kind.AUTO_REPLY);
        assertThat(parse("person.eml").kind()).isEqualTo(ParsedMail.Kind.NOT_BOUNCE);
        assertThat(parse("person.eml").recipients()).isEmpty();
    }

    @Test
    @DisplayName("BNC-1 quarantine: a DSN without a recipient, broken MIME, unknown and wrong charsets")
    void quarantine() throws IOException {
        assertThat(parse("dsn-without-recipient.eml").quarantine()).contains("宛先がない");
        assertThat(parse("broken-mime.eml").quarantine()).contains("壊れた MIME");
        assertThat(parse("unknown-charset.eml").quarantine()).contains("不明な文字コード");
        assertThat(parse("wrong-charset.eml").quarantine()).contains("文字コードが宣言");
        for (String f : new String[] {"dsn-without-recipient.eml", "broken-mime.eml", "unknown-charset.eml", "wrong-charset.eml"}) {
            ParsedMail mail = parse(f);
            assertThat(mail.kind()).as(f).isEqualTo(ParsedMail.Kind.QUARANTINE);
            assertThat(mail.recipients()).as(f).isEmpty();
            assertThat(mail.messageId()).as(f).isNotBlank();
        }
    }

    @Test
    @DisplayName("BNC-1 quarantine: a 20 MB message is not parsed")
    void tooLarge() {
        byte[] head = "From: MAILER-DAEMON@x.example\r\nSubject: Undelivered\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] big = Arrays.copyOf(head, 20 * 1024 * 1024);
        Arrays.fill(big, head.length, big.length, (byte) 'a');
        ParsedMail mail = parser.parse(big);
        assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.QUARANTINE);
        assertThat(mail.quarantine()).contains("大きすぎる");
    }

    @Test
    @DisplayName("BNC-4 reasons: a refusal after DATA is a filter (soft); statuses about the sender never mean user unknown")
    void reasonRules() {
        assertThat(BounceParser.recipient("a@b.example", "5.0.0", "550 Unknown user", ">>> DATA <<< 550 Unknown user").reason())
                .isEqualTo(Reason.FILTERED);
        assertThat(BounceParser.recipient("a@b.example", "5.1.8", "501 5.1.8 Sender address rejected").reason())
                .isEqualTo(Reason.REJECTED);
        FailedRecipient temporary = BounceParser.recipient("a@b.example", "4.1.1", "450 4.1.1 user unknown");
        assertThat(temporary.reason()).isEqualTo(Reason.USER_UNKNOWN);
        assertThat(temporary.hard()).as("a 4xx is never hard").isFalse();
        assertThat(BounceParser.recipient("a@b.example", "4.4.7", "delivery time expired").reason()).isEqualTo(Reason.EXPIRED);
    }

    @Test
    @DisplayName("BNC-4 a notice forwarded as an attachment is read inside; a quoted local part is one address")
    void forwardedNoticeAndQuotedLocalPart() throws IOException {
        String inner = new String(getClass().getResourceAsStream("/bounces/rfc3464-user-unknown.eml").readAllBytes(),
                StandardCharsets.US_ASCII).replace("Hanako.Gone@Member.Example.Jp", "\"hanako..gone\"@member.example.jp");
        String outer = """
                From: Relay <relay@shop.example.jp>\r
                To: bounce@shop.example.jp\r
                Subject: Fw: Delivery Status Notification\r
                Message-ID: <fw-1@shop.example.jp>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/mixed; boundary="fw"\r
                \r
                --fw\r
                Content-Type: text/plain\r
                \r
                Forwarded by the relay.\r
                \r
                --fw\r
                Content-Type: message/rfc822\r
                \r
                """ + inner + "\r\n--fw--\r\n";
        ParsedMail mail = parser.parse(outer.getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.BOUNCE);
        assertThat(mail.recipients()).extracting(FailedRecipient::address, FailedRecipient::hard)
                .containsExactly(tuple("\"hanako..gone\"@member.example.jp", true));
    }
}
