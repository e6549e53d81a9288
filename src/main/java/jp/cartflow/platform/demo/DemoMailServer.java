package jp.cartflow.platform.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo only: a real SMTP + POP3 server (GreenMail) inside the application, so every mail cartflow sends
 * can be read — in {@code GET /api/demo/mailbox} or with any mail client over POP3 (login = password =
 * the recipient address). The bounce mailbox of the demo shop lives here too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "cartflow.demo.mail", name = "enabled", havingValue = "true")
class DemoMailServer {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);

    @Bean(destroyMethod = "stop")
    GreenMail demoGreenMail(@Value("${cartflow.demo.mail.smtp-port}") int smtpPort,
                            @Value("${cartflow.demo.mail.pop3-port}") int pop3Port) {
        GreenMail greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(pop3Port, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
        greenMail.start();
        log.info("Demo mail server: SMTP 127.0.0.1:{}, POP3 127.0.0.1:{}", smtpPort, pop3Port);
        return greenMail;
    }
}
