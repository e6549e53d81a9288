package jp.cartflow.payment;

import jp.cartflow.order.AuthorizationResults;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Gives the order detail the result of its last authorization, from the recorded gateway calls. */
@Component
class OrderAuthorizationResults implements AuthorizationResults {

    private final JdbcClient jdbc;

    OrderAuthorizationResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AuthorizationResult> lastAuthorization(long orderId) {
        return jdbc.sql("""
                SELECT gateway, outcome, gateway_ref, reason, requested_at, completed_at FROM payment_transaction
                WHERE order_id = :order AND operation = 'AUTHORIZE' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .param("order", orderId)
                .query((rs, n) -> {
                    OffsetDateTime completed = rs.getObject(6, OffsetDateTime.class);
                    return new AuthorizationResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(),
                            completed == null ? null : completed.toInstant());
                })
                .optional();
    }
}
