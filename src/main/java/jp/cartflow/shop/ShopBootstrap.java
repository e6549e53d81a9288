package jp.cartflow.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Production: creates the installation's shop at first start from {@code CARTFLOW_SHOP_NAME} and
 * {@code CARTFLOW_SHOP_EMAIL} (its code is {@code cartflow.shop-code}). An existing shop is never changed.
 * Runs before the default mail templates are installed.
 */
@Component
@Order(0)
class ShopBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ShopBootstrap.class);

    private final JdbcClient jdbc;
    private final String code;
    private final String name;
    private final String email;

    ShopBootstrap(JdbcClient jdbc, @Value("${cartflow.shop-code:demo}") String code,
                  @Value("${cartflow.shop.name:}") String name, @Value("${cartflow.shop.email:}") String email) {
        this.jdbc = jdbc;
        this.code = code;
        this.name = name;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM shop WHERE code = :code").param("code", code)
                .query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        if (name.isBlank() || email.isBlank()) {
            log.warn("Shop '{}' does not exist and CARTFLOW_SHOP_NAME / CARTFLOW_SHOP_EMAIL are not set: "
                    + "/api answers 503 until it is configured", code);
            return;
        }
        jdbc.sql("INSERT INTO shop (code, name, email) VALUES (:code, :name, :email)")
                .param("code", code).param("name", name).param("email", email).update();
        log.info("Created shop '{}' ({})", code, name);
    }
}
