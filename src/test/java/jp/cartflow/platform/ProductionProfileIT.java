package jp.cartflow.platform;

import com.icegreen.greenmail.util.GreenMail;
import jp.cartflow.testsupport.ProductionApplication;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code postgres} profile as production runs it: every setting from the environment (given here as
 * the same names), no demo users, no demo data, the administrator and the shop created at first start.
 */
@Tag("own-jvm")
@DisplayName("Production profile (postgres)")
class ProductionProfileIT {

    private static ProductionApplication app;
    private static ConfigurableApplicationContext context;
    private static GreenMail smtp;
    private static int port;

    @BeforeAll
    static void start() {
        app = ProductionApplication.start("本番商店", "info@shop.example.jp", "production-it");
        context = app.context();
        smtp = app.smtp();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("no demo users or data; the administrator comes from the environment; the shop is created")
    void noDemo() {
        IdentityService identity = context.getBean(IdentityService.class);
        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("chief");
        assertThat(identity.checkPassword("chief", "s3cret-Pass")).isTrue();
        assertThat(identity.createUserQuery().userId("chief").memberOfGroup("camunda-admin").count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().list()).extracting(g -> g.getId())
                .contains("camunda-admin", "operators", "integrations", "inventory-tools");

        JdbcClient jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT code FROM shop").query(String.class).list()).containsExactly("main");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_order").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_template").query(Integer.class).single())
                .as("the default templates are installed for the new shop").isEqualTo(5);
    }

    @Test
    @DisplayName("the API needs the administrator's credentials; the demo's passwords do not work")
    void secured() throws Exception {
        assertThat(get("/engine-rest/task", null)).isEqualTo(401);
        assertThat(get("/api/mail-templates/SHIPPING_COMPLETE", null)).isEqualTo(401);
        assertThat(get("/api/mail-templates/SHIPPING_COMPLETE", "demo:demo")).isEqualTo(401);
        assertThat(get("/api/mail-templates/SHIPPING_COMPLETE", "chief:s3cret-Pass")).isEqualTo(200);
        assertThat(get("/api/demo/mailbox", "chief:s3cret-Pass")).as("no demo mailbox in production").isEqualTo(404);
        assertThat(get("/actuator/health", null)).isEqualTo(200);
    }

    @Test
    @DisplayName("production headers: HSTS, CSP and Referrer-Policy on /api; Secure session and XSRF cookies in the webapps")
    void productionHeaders() throws Exception {
        HttpResponse<Void> api = send("/api/mail-templates/SHIPPING_COMPLETE", "chief:s3cret-Pass");
        assertThat(api.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<Void> refused = send("/api/mail-templates/SHIPPING_COMPLETE", null);
        assertThat(refused.headers().firstValue("Content-Security-Policy")).as("on error answers too").isPresent();

        HttpResponse<Void> webapp = send("/camunda/app/tasklist/default/", null);
        assertThat(webapp.statusCode()).isEqualTo(200);
        java.util.List<String> cookies = webapp.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").containsIgnoringCase("Secure"));
        assertThat(cookies).isNotEmpty().allSatisfy(c -> assertThat(c).containsPattern("(?i);\\s*Secure(;|$)"));
        assertThat(webapp.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    private static HttpResponse<Void> send(String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static int get(String path, String credentials) throws Exception {
        return send(path, credentials).statusCode();
    }
}
