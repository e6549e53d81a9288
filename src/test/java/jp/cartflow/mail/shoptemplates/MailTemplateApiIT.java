package jp.cartflow.mail.shoptemplates;

import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET/PUT /api/mail-templates/{key}}: validated on save (MAIL-1), every problem with its line and tag. */
class MailTemplateApiIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;

    private ResponseEntity<Map> put(String key, Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("operator", "operator").exchange("/api/mail-templates/" + key, HttpMethod.PUT,
                new HttpEntity<>(body, headers), Map.class);
    }

    private Map<?, ?> get(String key) {
        return rest.withBasicAuth("operator", "operator").getForObject("/api/mail-templates/" + key, Map.class);
    }

    @Test
    @DisplayName("the shipped Japanese default templates are installed and readable")
    void defaults() {
        Map<?, ?> shipping = get("SHIPPING_COMPLETE");
        assertThat((String) shipping.get("body")).contains("<sectionShipping>").contains("<!--{deliveryTrackingUrl}-->");
        assertThat((String) get("CARD_EXPIRY_REMINDER").get("body")).contains("[MEMBER_NAME]");
    }

    @Test
    @DisplayName("MAIL-1 a valid template round-trips, including ISO-2022-JP (MAIL-5)")
    void roundTrip() {
        String body = "<!--{orderName1}--> 様\n<sectionOrderItem>\n・<!--{productName}--> × <!--{quantity}-->\n"
                + "</sectionOrderItem>\nご注文日:<!--{orderDateTime|date_format:'%Y年%m月%d日'}-->\n"
                + "<sectionIf name=\"discount\">\n値引き:-<!--{discount}-->円\n</sectionIf>\n";
        ResponseEntity<Map> saved = put("ORDER_CONFIRMATION", Map.of("subject", "ご注文ありがとうございます(<!--{orderNo}-->)",
                "body", body, "charset", "ISO-2022-JP"));
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        Map<?, ?> read = get("ORDER_CONFIRMATION");
        assertThat(read.get("body")).isEqualTo(body);
        assertThat(read.get("charset")).isEqualTo("ISO-2022-JP");
        assertThat(read.get("updatedBy")).isEqualTo("operator");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "UNKNOWN_TAG;こんにちは\\n<!--{fooBar}-->;2;<!--{fooBar}-->",
            "TAG_OUTSIDE_BLOCK;行1\\n行2\\n<!--{productName}-->;3;<!--{productName}-->",
            "UNCLOSED_BLOCK;<sectionOrderItem>\\n<!--{productName}-->;1;<sectionOrderItem>",
            "BAD_DATE_PATTERN;\\n<!--{orderDateTime|date_format:'%Y年%Q'}-->;2;<!--{orderDateTime|date_format:'%Y年%Q'}-->",
            "BAD_CONDITION;行1\\n<sectionIf name=\"coupon\">\\nx\\n</sectionIf>;2;<sectionIf name=\"coupon\">",
            "UNCLOSED_BLOCK;行1\\n行2\\n<sectionIfNot name=\"discount\">\\nx;3;<sectionIfNot name=\"discount\">",
            "UNEXPECTED_BLOCK_END;<sectionIf name=\"discount\">\\n<sectionShipping>\\n</sectionIf>\\n</sectionShipping>;3;</sectionIf>",
            "TAG_OUTSIDE_BLOCK;<sectionIf name=\"productName\">x</sectionIf>;1;<sectionIf name=\"productName\">",
            "UNDEFINED_ATTRIBUTE;行1\\n<sectionIf name=\"orderAttribute id=4711\">x</sectionIf>;2;orderAttribute"
    })
    @DisplayName("MAIL-1 every error kind, conditional blocks too, is a 422 problem+json naming the line and the tag; nothing is saved")
    void refused(String kind, String body, int line, String tag) {
        Object before = get("SHIPPING_COMPLETE").get("body");
        ResponseEntity<Map> response = put("SHIPPING_COMPLETE", Map.of("subject", "件名", "body", body.replace("\\n", "\n")));

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("rule", "MAIL-1").containsEntry("line", line)
                .containsEntry("tag", tag).containsEntry("field", "body");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.getBody().get("errors");
        assertThat(errors).anySatisfy(e -> assertThat(e).containsEntry("kind", kind).containsEntry("line", line));
        assertThat(get("SHIPPING_COMPLETE").get("body")).isEqualTo(before);
    }

    @Test
    @DisplayName("MAIL-5 a character ISO-2022-JP cannot carry is refused on save")
    void unencodable() {
        ResponseEntity<Map> response = put("ORDER_CONFIRMATION", Map.of("subject", "件名", "body", "丸数字①です",
                "charset", "ISO-2022-JP"));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("detail").toString()).contains("①");
    }

    @Test
    @DisplayName("bad requests: unknown template 404, missing body 400, unknown field 400, bad charset 400")
    void badRequests() {
        assertThat(put("NO_SUCH", Map.of("subject", "a", "body", "b")).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<Map> missing = put("SHIPPING_COMPLETE", Map.of("subject", "a"));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).containsEntry("field", "body");
        ResponseEntity<Map> unknown = put("SHIPPING_COMPLETE", Map.of("subject", "a", "body", "b", "font", "x"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody()).containsEntry("field", "font");
        ResponseEntity<Map> charset = put("SHIPPING_COMPLETE", Map.of("subject", "a", "body", "b", "charset", "Shift_JIS"));
        assertThat(charset.getStatusCode().value()).isEqualTo(400);
        assertThat(charset.getBody()).containsEntry("field", "charset");
    }
}
