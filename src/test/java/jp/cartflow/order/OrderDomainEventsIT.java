package jp.cartflow.order;

import jp.cartflow.order.events.OrderPlaced;
import jp.cartflow.order.events.PaymentStatusChanged;
import jp.cartflow.order.events.ShipmentRegistered;
import jp.cartflow.order.events.SubscriptionOrderGenerated;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.SubscriptionGeneration;
import jp.cartflow.subscription.SubscriptionCheckout;
import jp.cartflow.subscription.TestSubscriptions;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The order room publishes its domain events in the writer's transaction (docs/adr/0005-domain-events.md). */
class OrderDomainEventsIT extends PostgresIntegrationTest {

    @Autowired TestSubscriptions testSubscriptions;
    @Autowired SubscriptionGeneration generation;
    @Autowired OrderPayments payments;
    @Autowired OrderRepository orders;
    @Autowired RecordedOrderEvents events;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        testSubscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, ZoneId.of("Asia/Tokyo")).toInstant());
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @DisplayName("SUB-2 SUB-4 checkout publishes order.placed; the generation publishes the subscription no. and delivery index")
    void placedAndGenerated() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        long first = orderId(created.firstOrderNo());
        List<RecordedOrderEvents.Seen> placed = events.of(OrderPlaced.class, first);
        assertThat(placed).singleElement().satisfies(s -> {
            assertThat(s.inTransaction()).isTrue();
            assertThat(((OrderPlaced) s.event()).items()).extracting("productCode")
                    .containsExactly("CF-COFFEE-200", "CF-TEA-100");
        });

        long subscriptionId = testSubscriptions.id(created.subscriptionNo());
        SubscriptionGeneration.Outcome outcome = generation.generate(subscriptionId,
                generation.nextGenerationAt(subscriptionId));
        assertThat(outcome.result()).isEqualTo(SubscriptionGeneration.Result.GENERATED);
        assertThat(events.of(SubscriptionOrderGenerated.class, outcome.orderId())).singleElement().satisfies(s -> {
            assertThat(s.inTransaction()).isTrue();
            SubscriptionOrderGenerated e = (SubscriptionOrderGenerated) s.event();
            assertThat(e.subscriptionNo()).isEqualTo(created.subscriptionNo());
            assertThat(e.deliveryIndex()).isEqualTo(2);
            assertThat(e.orderNo()).isEqualTo(outcome.orderNo());
            assertThat(e.type()).isEqualTo("order.generated-from-subscription");
        });
    }

    @Test
    @DisplayName("PAY-2 payment status and shipment events come inside the writer's transaction and roll back with it")
    void paymentAndShipmentInTheWritersTransaction() {
        SubscriptionCheckout.Created created = testSubscriptions.create("yamada", 25, LocalDate.of(2026, 11, 25),
                PaymentMethodCode.COD, null);
        long order = orderId(created.firstOrderNo());
        String before = paymentStatus(order);
        long carrier = jdbc.sql("SELECT carrier_id FROM shipment WHERE order_id = :id").param("id", order)
                .query(Long.class).single();
        long shipment = orders.shipments(order).get(0).id();

        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            payments.setPaymentStatus(order, "AUTHORIZED", clock.instant());
            orders.recordShipped(order, shipment, carrier, LocalDate.of(2026, 11, 24), List.of("1234-5678-9012"),
                    clock.instant());
            status.setRollbackOnly();
        });

        assertThat(events.of(PaymentStatusChanged.class, order)).singleElement().satisfies(s -> {
            assertThat(s.inTransaction()).isTrue();
            assertThat(((PaymentStatusChanged) s.event()).from()).isEqualTo(before);
            assertThat(((PaymentStatusChanged) s.event()).to()).isEqualTo("AUTHORIZED");
        });
        assertThat(events.of(ShipmentRegistered.class, order)).singleElement()
                .satisfies(s -> assertThat(((ShipmentRegistered) s.event()).trackingNumbers())
                        .containsExactly("1234-5678-9012"));
        assertThat(paymentStatus(order)).as("rolled back with the writer").isEqualTo(before);
    }

    private long orderId(String orderNo) {
        return jdbc.sql("SELECT id FROM customer_order WHERE order_no = :no").param("no", orderNo)
                .query(Long.class).single();
    }

    private String paymentStatus(long orderId) {
        return jdbc.sql("SELECT payment_status FROM customer_order WHERE id = :id").param("id", orderId)
                .query(String.class).single();
    }
}
