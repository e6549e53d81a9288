package jp.cartflow.mail.shoptemplates;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, every shop gets the default templates it lacks. */
@Component
@org.springframework.core.annotation.Order(10)
class DefaultTemplateInstaller implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultTemplateInstaller.class);
    private final MailTemplateStore store;

    DefaultTemplateInstaller(MailTemplateStore store) {
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        int installed = store.installDefaults();
        if (installed > 0) {
            log.info("Installed {} default mail template(s)", installed);
        }
    }
}
