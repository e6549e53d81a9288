package jp.cartflow.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jp.cartflow.CartflowApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * The application started as production runs it: the {@code postgres} profile on a fresh PostgreSQL database,
 * every setting from the environment's names, an SMTP server of its own, the job executor and the mail dispatcher
 * off (the tests drive them). For {@code own-jvm} tests only: closing it drops its engine from the JVM's registry.
 */
public record ProductionApplication(ConfigurableApplicationContext context, GreenMail smtp, int port)
        implements AutoCloseable {

    public static final String ADMIN_USER = "chief";
    public static final String ADMIN_PASSWORD = "s3cret-Pass";

    public static ProductionApplication start(String shopName, String shopEmail, String engineName) {
        TestDatabases.Database db = TestDatabases.createPostgres();
        GreenMail smtp = new GreenMail(new ServerSetup(TestDatabases.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, Object> environment = Map.ofEntries(
                Map.entry("CARTFLOW_DB_URL", db.url()), Map.entry("CARTFLOW_DB_USER", db.user()),
                // the embedded server trusts local connections: any password passes, but production requires one
                Map.entry("CARTFLOW_DB_PASSWORD", db.password().isEmpty() ? "unused-by-trust-auth" : db.password()),
                Map.entry("CARTFLOW_ADMIN_USER", ADMIN_USER), Map.entry("CARTFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("CARTFLOW_SMTP_HOST", "127.0.0.1"),
                Map.entry("CARTFLOW_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("CARTFLOW_SHOP_NAME", shopName), Map.entry("CARTFLOW_SHOP_EMAIL", shopEmail),
                Map.entry("server.port", "0"), Map.entry("camunda.bpm.process-engine-name", engineName),
                Map.entry("camunda.bpm.job-execution.enabled", "false"),
                Map.entry("cartflow.mail.dispatcher.enabled", "false"));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CartflowApplication.class)
                .profiles("postgres").web(WebApplicationType.SERVLET).properties(environment).run();
        return new ProductionApplication(context, smtp,
                ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Override
    public void close() {
        context.close();
        smtp.stop();
    }
}
