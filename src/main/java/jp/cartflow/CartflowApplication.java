package jp.cartflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * cartflow: order orchestration for Japanese e-commerce carts, with the Camunda 7 engine embedded.
 * Without a profile the {@code demo} profile runs (in-memory H2, demo shop, in-process mail server).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CartflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CartflowApplication.class, args);
    }
}
