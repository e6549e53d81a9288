package jp.cartflow.member;

import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** MKT-2: consent per registered member, with its history over REST. */
class MarketingConsentIT extends PostgresIntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;

    private long member() {
        String login = "mc-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name)
                SELECT id, :login, :email, '同意', '一郎' FROM shop WHERE code = 'demo'""")
                .param("login", login).param("email", login + "@example.jp").update();
        return jdbc.sql("SELECT id FROM member WHERE login_id = :login").param("login", login).query(Long.class).single();
    }

    private ResponseEntity<Map> put(long memberId, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth("storefront", "storefront").exchange("/api/members/" + memberId + "/marketing-consent",
                HttpMethod.PUT, new HttpEntity<>(json, headers), Map.class);
    }

    @Test
    @DisplayName("MKT-2: consent given at checkout and withdrawn on my-page is kept with when, who and channel")
    @SuppressWarnings("unchecked")
    void historyWithChannels() {
        long id = member();
        assertThat(put(id, "{\"consented\":true,\"channel\":\"CHECKOUT\"}").getBody()).containsEntry("consented", true);
        put(id, "{\"consented\":true,\"channel\":\"CHECKOUT\"}"); // unchanged: no second event
        ResponseEntity<Map> withdrawn = put(id, "{\"consented\":false,\"channel\":\"MY_PAGE\",\"note\":\"マイページで解除\"}");
        assertThat(withdrawn.getBody()).containsEntry("consented", false);
        List<Map<String, Object>> history = (List<Map<String, Object>>) withdrawn.getBody().get("history");
        assertThat(history).extracting(h -> h.get("channel")).containsExactly("CHECKOUT", "MY_PAGE");
        assertThat(history).extracting(h -> h.get("actor")).containsOnly("storefront");
        assertThat(history.get(1)).containsEntry("consented", false).containsKey("occurredAt");

        Map<String, Object> read = rest.withBasicAuth("operator", "operator")
                .getForObject("/api/members/" + id + "/marketing-consent", Map.class);
        assertThat((List<?>) read.get("history")).hasSize(2);
    }

    @Test
    @DisplayName("MKT-2 bad input: system-only channel 422, unknown channel or missing value 400, unknown member 404, no login 401")
    void badInput() {
        long id = member();
        ResponseEntity<Map> system = put(id, "{\"consented\":true,\"channel\":\"IMPORT\"}");
        assertThat(system.getStatusCode().value()).isEqualTo(422);
        assertThat(system.getBody()).containsEntry("field", "channel").containsEntry("rule", "MKT-2");
        assertThat(put(id, "{\"consented\":true,\"channel\":\"FAX\"}").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map> missing = put(id, "{\"channel\":\"OPERATOR\"}");
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody()).containsEntry("field", "consented");
        assertThat(put(987654321L, "{\"consented\":true,\"channel\":\"OPERATOR\"}").getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForEntity("/api/members/" + id + "/marketing-consent", Map.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member_consent_event WHERE member_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
    }
}
