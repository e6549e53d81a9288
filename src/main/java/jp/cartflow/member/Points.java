package jp.cartflow.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The point ledger (SUB-12, MEM-2): the registration grant, points earned on an order, points used at checkout
 * and an operator's adjustment with its reason. Each change of the balance writes one ledger row in the same
 * transaction; the balance never goes below zero. Orders also update the purchase statistics here.
 */
@Service
public class Points {

    public enum Kind { REGISTRATION, EARNED, USED, ADJUSTED }

    public record Entry(long id, Kind kind, long points, long balanceAfter, String orderNo, String reason,
                        String actor, Instant occurredAt) {
    }

    /** Thrown when a debit would take the balance below zero; nothing is written. */
    public static class InsufficientPointsException extends RuntimeException {
        private final long balance;

        InsufficientPointsException(long balance, long wanted) {
            super("保有ポイント " + balance + "pt を超えています / " + wanted + " points wanted, " + balance + " held");
            this.balance = balance;
        }

        public long balance() {
            return balance;
        }
    }

    private final JdbcClient jdbc;

    Points(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long balance(long memberId) {
        return jdbc.sql("SELECT points FROM member WHERE id = :id").param("id", memberId).query(Long.class).single();
    }

    /** The member's ledger, newest first. */
    public List<Entry> history(long memberId) {
        return jdbc.sql("""
                SELECT id, entry_kind, points, balance_after, order_no, reason, actor, occurred_at
                FROM member_point_entry WHERE member_id = :member ORDER BY id DESC""")
                .param("member", memberId)
                .query((rs, n) -> new Entry(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** MEM-2: the registration grant (nothing when the shop grants 0). */
    void grantRegistration(long memberId, long points, Instant at) {
        if (points > 0) {
            change(memberId, Kind.REGISTRATION, points, null, null, "system", at);
        }
    }

    /**
     * An order was created for the member: points used are debited, points earned credited (SUB-12), and the
     * purchase statistics (buy times, buy total) counted, all in the caller's transaction.
     */
    public void recordOrder(long memberId, String orderNo, long total, long pointsUsed, long pointsEarned,
                            Instant at) {
        if (pointsUsed > 0) {
            change(memberId, Kind.USED, -pointsUsed, orderNo, null, "system", at);
        }
        if (pointsEarned > 0) {
            change(memberId, Kind.EARNED, pointsEarned, orderNo, null, "system", at);
        }
        jdbc.sql("""
                UPDATE member SET buy_times = buy_times + 1, buy_total = buy_total + :total, updated_at = :at
                WHERE id = :id""").param("total", total).param("at", utc(at)).param("id", memberId).update();
    }

    /** An operator's adjustment (positive or negative) with its reason; refused below a zero balance. */
    public Entry adjust(long memberId, long points, String reason, String actor, Instant at) {
        return change(memberId, Kind.ADJUSTED, points, null, reason, actor, at);
    }

    private Entry change(long memberId, Kind kind, long delta, String orderNo, String reason, String actor,
                         Instant at) {
        // the balance is guarded by one atomic statement; locking the row for a read first would deadlock with the
        // key-share lock a new order's foreign key already holds on the same member row
        int changed = jdbc.sql("""
                UPDATE member SET points = points + :delta,
                    total_points = total_points + CASE WHEN :delta > 0 THEN :delta ELSE 0 END, updated_at = :at
                WHERE id = :id AND points + :delta >= 0""").param("delta", delta).param("at", utc(at))
                .param("id", memberId).update();
        long after = balance(memberId);
        if (changed == 0) {
            throw new InsufficientPointsException(after, -delta);
        }
        long balance = after - delta;
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO member_point_entry (member_id, entry_kind, points, balance_after, order_no, reason, actor,
                    occurred_at) VALUES (:member, :kind, :points, :after, :order, :reason, :actor, :at)""")
                .param("member", memberId).param("kind", kind.name()).param("points", delta)
                .param("after", balance + delta).param("order", orderNo).param("reason", reason)
                .param("actor", actor).param("at", utc(at)).update(keys, "id");
        long id = keys.getKey().longValue();
        return new Entry(id, kind, delta, balance + delta, orderNo, reason, actor, at);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
