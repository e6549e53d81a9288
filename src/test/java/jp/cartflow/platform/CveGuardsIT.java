package jp.cartflow.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import jp.cartflow.testsupport.WebappBrowser;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** CVE-2026-77226; CVE-2026-109432 has its own suite ({@link QueryExpressionGuardIT}). */
@DisplayName("CVE-2026-77226 (anonymous admin creation through the Admin setup endpoint)")
class CveGuardsIT extends PostgresIntegrationTest {

    @Autowired ObjectMapper objectMapper;
    @Autowired IdentityService identityService;
    @LocalServerPort int port;

    @Test
    @DisplayName("an anonymous POST /camunda/api/admin/setup/default/user/create with a valid XSRF token → 403, no user created")
    void setupIsClosed() throws Exception {
        long users = identityService.createUserQuery().count();
        WebappBrowser browser = new WebappBrowser(port);
        assertThat(browser.get("/camunda/app/admin/").statusCode()).isEqualTo(200);
        assertThat(browser.xsrfToken()).as("XSRF-TOKEN cookie").isPresent();

        HttpResponse<String> response = browser.postJson("/camunda/api/admin/setup/default/user/create",
                "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@example.com\"},"
                        + "\"credentials\":{\"password\":\"intruder123\"}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(objectMapper.readTree(response.body()).path("type").asText())
                .isEqualTo("https://cartflow.jp/problems/admin-setup-disabled");
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
        assertThat(identityService.createUserQuery().count()).isEqualTo(users);
    }
}
