package jp.cartflow.subscription;

import com.fasterxml.jackson.databind.node.TextNode;
import jp.cartflow.testsupport.MutableClock;
import jp.cartflow.testsupport.PostgresIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A renamed payment method (the seed: 支払い方法の名称変更は…定期購入明細での支払方法変更にて、更新すると新名称が反映):
 * the subscription and its orders keep the name they were given until the subscription's payment is changed.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class PaymentMethodNameSnapshotIT extends PostgresIntegrationTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String COD_AS_DEMO = "{\"name\":\"代金引換\",\"enabled\":true,\"subscriptionEnabled\":true,"
            + "\"fee\":330,\"sortOrder\":3}";
    private static final String RENAMED = "代金引換（現金・カード可）";

    @Autowired TestRestTemplate rest;
    @Autowired TestSubscriptions subscriptions;
    @Autowired SubscriptionGeneration generation;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private Map<String, Object> template;

    @BeforeEach
    void settings() {
        subscriptions.defaultSettings();
        clock.set(ZonedDateTime.of(2032, 3, 1, 10, 0, 0, 0, TOKYO).toInstant());
        // other tests edit the shop's templates: this one prints the method on a line of its own
        template = get("operator", "/api/mail-templates/ORDER_CONFIRMATION");
        ok(call("operator", HttpMethod.PUT, "/api/mail-templates/ORDER_CONFIRMATION",
                "{\"subject\":\"ご注文\",\"body\":\"お支払方法:<!--{paymentMethod}-->\\n\"}"));
    }

    @AfterEach
    void reset() {
        ok(call("demo", HttpMethod.PUT, "/api/payment-methods/COD", COD_AS_DEMO));
        ok(call("operator", HttpMethod.PUT, "/api/mail-templates/ORDER_CONFIRMATION", "{\"subject\":"
                + TextNode.valueOf((String) template.get("subject")) + ",\"body\":"
                + TextNode.valueOf((String) template.get("body")) + "}"));
        clock.reset();
    }

    private ResponseEntity<Map> call(String user, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    private static Map<String, Object> ok(ResponseEntity<Map> r) {
        assertThat(r.getStatusCode().is2xxSuccessful()).as("%s", r.getBody()).isTrue();
        return r.getBody();
    }

    private Map<String, Object> get(String user, String path) {
        return ok(call(user, HttpMethod.GET, path, null));
    }

    private String orderMethodName(String orderNo) {
        return (String) ((Map<String, Object>) get("operator", "/api/orders/" + orderNo).get("payment")).get("methodName");
    }

    /** The confirmation mail the order sends, as queued (お支払方法 line). */
    private String confirmationMail(String orderNo) {
        Map<String, Object> queued = ok(call("operator", HttpMethod.POST, "/api/orders/" + orderNo
                + "/confirmation-mails", "{}"));
        return jdbc.sql("SELECT body FROM mail_outbox WHERE id = :id")
                .param("id", ((Number) queued.get("customerMailId")).longValue()).query(String.class).single();
    }

    private String generateNext(String subscriptionNo) {
        var slot = jdbc.sql("SELECT next_generation_at FROM subscription WHERE subscription_no = :no")
                .param("no", subscriptionNo).query(OffsetDateTime.class).single().toInstant();
        clock.set(slot);
        SubscriptionGeneration.Outcome outcome = generation.generate(subscriptions.id(subscriptionNo), slot);
        assertThat(outcome.result()).isEqualTo(SubscriptionGeneration.Result.GENERATED);
        return outcome.orderNo();
    }

    @Test
    @DisplayName("SUB-17 a renamed method: the subscription, its orders, its next generated order and their mails keep "
            + "the old name; after the subscription's payment is updated, the new name")
    void renameShowsAfterThePaymentIsUpdated() {
        ok(call("demo", HttpMethod.PUT, "/api/payment-methods/COD", COD_AS_DEMO));
        long member = subscriptions.memberId("yamada");
        Map<String, Object> created = ok(call("storefront", HttpMethod.POST, "/api/subscriptions", "{\"memberId\":"
                + member + ",\"items\":[{\"productCode\":\"CF-COFFEE-200\",\"quantity\":1}],\"cycle\":{\"kind\":"
                + "\"MONTHLY\",\"day\":20},\"firstDeliveryDate\":\"2032-03-20\",\"carrierCode\":\"yamato\","
                + "\"paymentMethod\":\"COD\",\"fees\":{\"shipping\":880,\"payment\":330,\"cool\":0}}"));
        String no = (String) created.get("subscriptionNo");
        String first = (String) created.get("firstOrderNo");
        assertThat(get("storefront", "/api/subscriptions/" + no)).containsEntry("paymentMethodName", "代金引換");

        Map<String, Object> renamed = ok(call("storefront", HttpMethod.PUT, "/api/payment-methods/COD",
                "{\"name\":\"" + RENAMED + "\",\"enabled\":true,\"subscriptionEnabled\":true,\"fee\":330}"));
        assertThat(renamed).containsEntry("name", RENAMED);

        assertThat(get("storefront", "/api/subscriptions/" + no)).as("the shop's subscription detail")
                .containsEntry("paymentMethod", "COD").containsEntry("paymentMethodName", "代金引換");
        assertThat(get("storefront", "/api/mypage/members/" + member + "/subscriptions/" + no)).as("my-page")
                .containsEntry("paymentMethodName", "代金引換");
        assertThat(orderMethodName(first)).isEqualTo("代金引換");
        String second = generateNext(no);
        assertThat(orderMethodName(second)).as("the next generated order takes the subscription's name")
                .isEqualTo("代金引換");
        assertThat(confirmationMail(second)).contains("お支払方法:代金引換\n").doesNotContain(RENAMED);

        // the shop updates the subscription's payment (the same method): the new name from now on
        Map<String, Object> changed = ok(call("operator", HttpMethod.PUT, "/api/subscriptions/" + no + "/payment-method",
                "{\"paymentMethod\":\"COD\"}"));
        assertThat(changed).containsEntry("paymentMethodName", RENAMED);
        assertThat(get("storefront", "/api/mypage/members/" + member + "/subscriptions/" + no))
                .containsEntry("paymentMethodName", RENAMED);
        String third = generateNext(no);
        assertThat(orderMethodName(third)).isEqualTo(RENAMED);
        assertThat(confirmationMail(third)).contains("お支払方法:" + RENAMED);
        assertThat(orderMethodName(second)).as("orders already generated keep theirs").isEqualTo("代金引換");
        assertThat((List<Map<String, Object>>) (List) rest.withBasicAuth("operator", "operator")
                .getForObject("/api/subscriptions/" + no + "/orders", List.class))
                .extracting(o -> o.get("orderNo")).containsExactly(first, second, third);
    }
}
