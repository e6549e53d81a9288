package jp.cartflow.newsletter;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Members, settings and REST calls the newsletter tests share. */
final class NewsletterFixtures {

    /** The demo shop's free-text member attribute (ご要望): a per-test value makes a private segment. */
    static final int SEGMENT_ATTRIBUTE = 4;

    private final JdbcClient jdbc;
    private final TestRestTemplate rest;

    NewsletterFixtures(JdbcClient jdbc, TestRestTemplate rest) {
        this.jdbc = jdbc;
        this.rest = rest;
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A demo-shop member with the given consent, tagged with {@code segmentValue} in attribute 4. */
    long member(String email, boolean consent, String segmentValue) {
        String login = "nl-" + unique();
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, marketing_consent)
                SELECT id, :login, :email, '試験', '花子', :consent FROM shop WHERE code = 'demo'""")
                .param("login", login).param("email", email).param("consent", consent).update();
        long id = jdbc.sql("SELECT id FROM member WHERE login_id = :login").param("login", login)
                .query(Long.class).single();
        if (segmentValue != null) {
            jdbc.sql("""
                    INSERT INTO member_attribute_value (member_id, definition_id, attribute_value)
                    SELECT :member, d.id, :value FROM member_attribute_definition d JOIN shop s ON s.id = d.shop_id
                    WHERE s.code = 'demo' AND d.attribute_no = :no""")
                    .param("member", id).param("value", segmentValue).param("no", SEGMENT_ATTRIBUTE).update();
        }
        return id;
    }

    void flagBounce(String email, boolean flagged, int count) {
        jdbc.sql("""
                INSERT INTO bounce_record (shop_id, email, bounce_kind, bounce_count, first_bounced_at, last_bounced_at,
                    flagged, diagnostic)
                SELECT id, :email, 'HARD', :count, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, :flagged, '550 5.1.1 user unknown'
                FROM shop WHERE code = 'demo'""")
                .param("email", email.toLowerCase()).param("count", count).param("flagged", flagged).update();
    }

    Map<String, Object> bounceRecord(String email) {
        return jdbc.sql("SELECT flagged, bounce_count, cleared_at FROM bounce_record WHERE email = :email")
                .param("email", email.toLowerCase()).query().singleRow();
    }

    /** Switches newsletters on (the first time without importing anybody). */
    void enableNewsletters(boolean approvalRequired) {
        ResponseEntity<Map> r = send(HttpMethod.PUT, "/api/newsletter/settings", """
                {"enabled":true,"senderName":"カートフロー商店","senderEmail":"news@demo.cartflow.test",
                 "postalAddress":"東京都渋谷区渋谷2-21-1","approvalRequired":%s,"importExistingMembersAsConsented":false}"""
                .formatted(approvalRequired));
        assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(200);
    }

    ResponseEntity<Map> send(HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("operator", "operator").exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    static String campaignJson(String segmentValue, String sendAt, String body) {
        return """
                {"subject":"<!--{memberName}--> 様 冬のセール","body":%s,
                 "segment":{"kind":"ATTRIBUTE","attributeNo":%d,"value":"%s"},"sendAt":"%s"}"""
                .formatted(jsonString(body), SEGMENT_ATTRIBUTE, segmentValue, sendAt);
    }

    static final String BODY = "<!--{memberName}--> 様\n\n冬のセールのお知らせです。\n"
            + "カタログ: http://localhost/files/abc\n\n配信停止はこちら: <!--{unsubscribeUrl}-->\n";

    static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    static List<MimeMessage> mailsTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static void assertProblem(ResponseEntity<Map> response, int status, String field) {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("field", field);
    }
}
