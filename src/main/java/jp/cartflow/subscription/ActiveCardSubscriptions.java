package jp.cartflow.subscription;

import jp.cartflow.payment.CardSubscriptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers payment's question "does an active subscription pay with this member's card?" (SUB-27). */
@Component
class ActiveCardSubscriptions implements CardSubscriptions {

    private final JdbcClient jdbc;

    ActiveCardSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean activeSubscriptionPaysByCard(long memberId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM subscription
                WHERE member_id = :member AND status = 'ACTIVE' AND payment_method_code IN ('SBPS_CARD', 'ZEUS_CARD')""")
                .param("member", memberId).query(Integer.class).single() > 0;
    }
}
