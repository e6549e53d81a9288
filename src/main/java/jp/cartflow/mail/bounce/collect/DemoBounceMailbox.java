package jp.cartflow.mail.bounce.collect;

import jp.cartflow.mail.bounce.BounceSettings;
import jp.cartflow.shop.ShopDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo only: the demo shop's bounce mailbox is the in-process POP3 server, on whatever port it was given
 * ({@code CARTFLOW_DEMO_POP3_PORT}); the demo data names the default port.
 */
@Component
@ConditionalOnProperty(prefix = "cartflow.demo.mail", name = "enabled", havingValue = "true")
class DemoBounceMailbox {

    private final ShopDirectory shops;
    private final BounceSettings settings;
    private final int pop3Port;

    DemoBounceMailbox(ShopDirectory shops, BounceSettings settings, @Value("${cartflow.demo.mail.pop3-port}") int pop3Port) {
        this.shops = shops;
        this.settings = settings;
        this.pop3Port = pop3Port;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void pointAtDemoServer() {
        shops.byCode("demo").ifPresent(shop -> settings.update(shop.id(),
                new BounceSettings.Change("127.0.0.1", pop3Port, null, null, null, null, null, null)));
    }
}
