package jp.cartflow.shipping.demo;

import jp.cartflow.shipping.ShipmentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo only: order D-100002 waits for its tracking number, so Tasklist shows the operator task
 * "伝票番号を登録する" right after start-up.
 */
@Component
@Profile("demo")
@Order(100)
class DemoShippingTasks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoShippingTasks.class);
    static final String DEMO_ORDER = "D-100002";

    private final ShipmentService shipments;

    DemoShippingTasks(ShipmentService shipments) {
        this.shipments = shipments;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            shipments.requestTrackingNumber(DEMO_ORDER, null, false, "demo");
            log.info("Demo: order {} waits for an operator to register its tracking number in Tasklist", DEMO_ORDER);
        } catch (RuntimeException e) {
            log.info("Demo: no tracking-number task for {} ({})", DEMO_ORDER, e.getMessage());
        }
    }
}
