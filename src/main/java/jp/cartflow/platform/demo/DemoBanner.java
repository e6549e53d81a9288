package jp.cartflow.platform.demo;

import jp.cartflow.platform.security.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo only: prints where to click and how to log in, once the application is ready. */
@Component
@Profile("demo")
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);
    private final IdentityProperties identity;

    DemoBanner(IdentityProperties identity) {
        this.identity = identity;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String base = "http://localhost:" + port;
        StringBuilder text = new StringBuilder("\n\n  cartflow demo is ready\n")
                .append("  Tasklist      ").append(base).append("/camunda/app/tasklist/\n")
                .append("  Cockpit       ").append(base).append("/camunda/app/cockpit/\n")
                .append("  Admin         ").append(base).append("/camunda/app/admin/\n")
                .append("  REST docs     ").append(base).append("/swagger-ui.html\n")
                .append("  Demo mailbox  ").append(base).append("/api/demo/mailbox\n")
                .append("  Logins (user / password → group)\n")
                .append("    ").append(identity.adminId()).append(" / ").append(identity.adminPassword())
                .append(" → camunda-admin\n");
        identity.demoUsers().forEach(user -> text.append("    ").append(user.id()).append(" / ")
                .append(user.password()).append(" → ").append(user.group()).append('\n'));
        log.info(text.toString());
    }
}
