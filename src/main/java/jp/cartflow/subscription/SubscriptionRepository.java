package jp.cartflow.subscription;

import jp.cartflow.member.Recipient;
import jp.cartflow.subscription.domain.DeliveryCycle;
import jp.cartflow.subscription.domain.Fees;
import jp.cartflow.subscription.domain.LeadTime;
import jp.cartflow.payment.PaymentMethodCode;
import jp.cartflow.subscription.domain.Schedule;
import jp.cartflow.subscription.domain.SubscriptionItem;
import jp.cartflow.subscription.domain.SubscriptionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Subscriptions and their items (JdbcClient, tables subscription / subscription_item). */
@Repository
class SubscriptionRepository {

    private static final String SELECT = """
            SELECT s.*, c.code AS carrier_code,
                   (SELECT f.delivery_date FROM order_first_shipment_view f WHERE f.order_id = s.first_order_id)
                       AS first_delivery_date
            FROM subscription s LEFT JOIN shop_carrier_view c ON c.id = s.carrier_id""";

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewSubscription(long shopId, String subscriptionNo, long memberId, Long carrierId,
                                  String timeSlotCode, PaymentMethodCode paymentMethod, String paymentMethodName,
                                  Recipient recipient,
                                  String memo, Fees fees, Instant startedAt) {
    }

    public long insert(NewSubscription s, Schedule schedule) {
        Recipient r = s.recipient();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subscription (shop_id, subscription_no, member_id, status, cycle_kind, cycle_day,
                    interval_days, anchor_date, lead_days, pending_lead_days, carrier_id, time_slot_code,
                    payment_method_code, payment_method_name, last_name, first_name, last_name_kana, first_name_kana, zipcode, pref, city,
                    address, building, tel, memo, shipping_fee, payment_fee, cool_fee, next_delivery_date,
                    next_generation_at, skip_next, started_at, created_at, updated_at)
                VALUES (:shop, :no, :member, 'ACTIVE', 'MONTHLY', 1, NULL, NULL, 0, NULL, :carrier, :slot, :payment,
                    :paymentName, :ln, :fn, :lnk, :fnk, :zip, :pref, :city, :address, :building, :tel, :memo, :shipping, :paymentFee,
                    :cool, NULL, NULL, FALSE, :at, :at, :at)""")
                .param("shop", s.shopId()).param("no", s.subscriptionNo()).param("member", s.memberId())
                .param("carrier", s.carrierId()).param("slot", s.timeSlotCode())
                .param("payment", s.paymentMethod().name()).param("paymentName", s.paymentMethodName())
                .param("ln", r.lastName()).param("fn", r.firstName()).param("lnk", r.lastNameKana())
                .param("fnk", r.firstNameKana()).param("zip", r.zipcode()).param("pref", r.pref())
                .param("city", r.city()).param("address", r.address()).param("building", r.building())
                .param("tel", r.tel()).param("memo", s.memo()).param("shipping", s.fees().shipping())
                .param("paymentFee", s.fees().payment()).param("cool", s.fees().cool())
                .param("at", utc(s.startedAt())).update(keys, "id");
        long id = keys.getKey().longValue();
        saveSchedule(id, schedule, s.startedAt());
        return id;
    }

    public Optional<Subscription> find(long shopId, String subscriptionNo) {
        return jdbc.sql(SELECT + " WHERE s.shop_id = :shop AND s.subscription_no = :no")
                .param("shop", shopId).param("no", subscriptionNo).query(SubscriptionRepository::map).optional();
    }

    public Subscription get(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query(SubscriptionRepository::map).single();
    }

    /** Locks the subscription row for the rest of the transaction: one writer (REST or generation) at a time. */
    public Subscription lock(long id) {
        jdbc.sql("SELECT id FROM subscription WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
        return get(id);
    }

    public record Filter(Long memberId, boolean cancelled, String subscriptionNo, int limit) {
    }

    /** SUB-25: active by default; {@code cancelled} lists the ended and cancelled ones instead. */
    public List<Subscription> search(long shopId, Filter filter) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.shop_id = :shop AND s.status ")
                .append(filter.cancelled() ? "IN ('ENDED', 'CANCELLED')" : "= 'ACTIVE'");
        if (filter.memberId() != null) {
            sql.append(" AND s.member_id = :member");
        }
        if (filter.subscriptionNo() != null) {
            sql.append(" AND s.subscription_no LIKE :no");
        }
        sql.append(" ORDER BY s.id DESC FETCH FIRST ").append(filter.limit()).append(" ROWS ONLY");
        var statement = jdbc.sql(sql.toString()).param("shop", shopId);
        if (filter.memberId() != null) {
            statement = statement.param("member", filter.memberId());
        }
        if (filter.subscriptionNo() != null) {
            statement = statement.param("no", filter.subscriptionNo() + "%");
        }
        return statement.query(SubscriptionRepository::map).list();
    }

    public int countActive(long shopId) {
        return jdbc.sql("SELECT COUNT(*) FROM subscription WHERE shop_id = :shop AND status = 'ACTIVE'")
                .param("shop", shopId).query(Integer.class).single();
    }

    public List<Long> activeIds(long shopId) {
        return jdbc.sql("SELECT id FROM subscription WHERE shop_id = :shop AND status = 'ACTIVE' ORDER BY id")
                .param("shop", shopId).query(Long.class).list();
    }

    public void saveSchedule(long id, Schedule s, Instant now) {
        DeliveryCycle c = s.cycle();
        jdbc.sql("""
                UPDATE subscription SET cycle_kind = :kind, cycle_day = :day, interval_days = :n, anchor_date = :anchor,
                    lead_days = :lead, pending_lead_days = :pending, next_delivery_date = :next,
                    next_generation_at = :gen, skip_next = :skip, updated_at = :now, version = version + 1
                WHERE id = :id""")
                .param("kind", c.kind().name())
                .param("day", c.kind() == DeliveryCycle.Kind.MONTHLY ? c.monthlyDay() : null)
                .param("n", c.kind() == DeliveryCycle.Kind.INTERVAL ? c.intervalDays() : null)
                .param("anchor", c.anchorDate()).param("lead", s.lead().current()).param("pending", s.lead().pending())
                .param("next", s.nextDelivery()).param("gen", s.nextGenerationAt() == null ? null : utc(s.nextGenerationAt()))
                .param("skip", s.skipNext()).param("now", utc(now)).param("id", id).update();
    }

    public void recordGeneration(long id, Instant at, LocalDate deliveryDate) {
        jdbc.sql("""
                UPDATE subscription SET deliveries_generated = deliveries_generated + 1, last_generated_at = :at,
                    last_delivery_date = :delivery, updated_at = :at WHERE id = :id""")
                .param("at", utc(at)).param("delivery", deliveryDate).param("id", id).update();
    }

    /** SUB-24: ended by itself (ENDED) or terminated by the shop (CANCELLED); never restarted. */
    public void end(long id, SubscriptionStatus status, Instant at, String reason) {
        jdbc.sql("""
                UPDATE subscription SET status = :status, ended_at = :at, end_reason = :reason,
                    next_generation_at = NULL, next_delivery_date = NULL, skip_next = FALSE, updated_at = :at,
                    version = version + 1 WHERE id = :id""")
                .param("status", status.name()).param("at", utc(at)).param("reason", reason).param("id", id).update();
    }

    /** SUB-19: the first order is delivery 1 (not shown as a generation in the list, SUB-15). */
    public void recordFirstDelivery(long id) {
        jdbc.sql("UPDATE subscription SET deliveries_generated = 1 WHERE id = :id").param("id", id).update();
    }

    public void setFirstOrder(long id, long orderId) {
        jdbc.sql("UPDATE subscription SET first_order_id = :order WHERE id = :id")
                .param("order", orderId).param("id", id).update();
    }

    public void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE subscription SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId).param("id", id).update();
    }

    public void updateDelivery(long id, Long carrierId, String timeSlotCode, Instant now) {
        jdbc.sql("UPDATE subscription SET carrier_id = :carrier, time_slot_code = :slot, updated_at = :now WHERE id = :id")
                .param("carrier", carrierId).param("slot", timeSlotCode).param("now", utc(now)).param("id", id).update();
    }

    /** The method and the shop's name for it at this change (the snapshot later renames do not touch). */
    public void updatePayment(long id, PaymentMethodCode code, String name, Instant now) {
        jdbc.sql("""
                UPDATE subscription SET payment_method_code = :code, payment_method_name = :name, updated_at = :now
                WHERE id = :id""")
                .param("code", code.name()).param("name", name).param("now", utc(now)).param("id", id).update();
    }

    public void updateRecipient(long id, Recipient r, Instant now) {
        jdbc.sql("""
                UPDATE subscription SET last_name = :ln, first_name = :fn, last_name_kana = :lnk, first_name_kana = :fnk,
                    zipcode = :zip, pref = :pref, city = :city, address = :address, building = :building, tel = :tel,
                    updated_at = :now WHERE id = :id""")
                .param("ln", r.lastName()).param("fn", r.firstName()).param("lnk", r.lastNameKana())
                .param("fnk", r.firstNameKana()).param("zip", r.zipcode()).param("pref", r.pref())
                .param("city", r.city()).param("address", r.address()).param("building", r.building())
                .param("tel", r.tel()).param("now", utc(now)).param("id", id).update();
    }

    public void updateMemo(long id, String memo, Instant now) {
        jdbc.sql("UPDATE subscription SET memo = :memo, updated_at = :now WHERE id = :id")
                .param("memo", memo).param("now", utc(now)).param("id", id).update();
    }

    public void updateFees(long id, Fees fees, Instant now) {
        jdbc.sql("""
                UPDATE subscription SET shipping_fee = :s, payment_fee = :p, cool_fee = :c, updated_at = :now
                WHERE id = :id""")
                .param("s", fees.shipping()).param("p", fees.payment()).param("c", fees.cool())
                .param("now", utc(now)).param("id", id).update();
    }

    // ---- items ------------------------------------------------------------------------------

    public List<SubscriptionItem> items(long subscriptionId) {
        return jdbc.sql("""
                SELECT id, product_id, product_code, product_name, repeat_price, quantity, max_deliveries,
                       deliveries_done, removed_at FROM subscription_item WHERE subscription_id = :id ORDER BY id""")
                .param("id", subscriptionId)
                .query((rs, n) -> new SubscriptionItem(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getInt(6), rs.getObject(7, Integer.class), rs.getInt(8),
                        rs.getObject(9) != null))
                .list();
    }

    public long insertItem(long subscriptionId, Long productId, String code, String name, Long firstPrice,
                           long repeatPrice, int quantity, Integer maxDeliveries, int deliveriesDone, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO subscription_item (subscription_id, product_id, product_code, product_name, first_price,
                    repeat_price, quantity, max_deliveries, deliveries_done, added_at, removed_at)
                VALUES (:sub, :product, :code, :name, :first, :repeat, :qty, :max, :done, :at, :removed)""")
                .param("sub", subscriptionId).param("product", productId).param("code", code).param("name", name)
                .param("first", firstPrice).param("repeat", repeatPrice).param("qty", quantity)
                .param("max", maxDeliveries).param("done", deliveriesDone).param("at", utc(at))
                .param("removed", maxDeliveries != null && deliveriesDone >= maxDeliveries ? utc(at) : null)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Writes counts, price, quantity and the removal of an item. */
    public void saveItem(SubscriptionItem item, Instant at) {
        jdbc.sql("""
                UPDATE subscription_item SET repeat_price = :price, quantity = :qty, deliveries_done = :done,
                    removed_at = CASE WHEN :removed AND removed_at IS NULL THEN :at ELSE removed_at END
                WHERE id = :id""")
                .param("price", item.repeatPrice()).param("qty", item.quantity()).param("done", item.deliveriesDone())
                .param("removed", item.removed()).param("at", utc(at)).param("id", item.id()).update();
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        DeliveryCycle cycle = "MONTHLY".equals(rs.getString("cycle_kind"))
                ? DeliveryCycle.monthly(rs.getInt("cycle_day"))
                : DeliveryCycle.everyNDays(rs.getInt("interval_days"), rs.getObject("anchor_date", LocalDate.class));
        return new Subscription(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("subscription_no"),
                rs.getLong("member_id"), SubscriptionStatus.valueOf(rs.getString("status")), cycle,
                new LeadTime(rs.getInt("lead_days"), rs.getObject("pending_lead_days", Integer.class)),
                rs.getObject("carrier_id", Long.class), rs.getString("carrier_code"), rs.getString("time_slot_code"),
                PaymentMethodCode.valueOf(rs.getString("payment_method_code")), rs.getString("payment_method_name"),
                new Recipient(rs.getString("last_name"), rs.getString("first_name"), rs.getString("last_name_kana"),
                        rs.getString("first_name_kana"), rs.getString("zipcode"), rs.getString("pref"),
                        rs.getString("city"), rs.getString("address"), rs.getString("building"), rs.getString("tel")),
                rs.getString("memo"),
                new Fees(rs.getLong("shipping_fee"), rs.getLong("payment_fee"), rs.getLong("cool_fee")),
                rs.getObject("next_delivery_date", LocalDate.class), instant(rs, "next_generation_at"),
                rs.getBoolean("skip_next"), instant(rs, "last_generated_at"),
                rs.getObject("last_delivery_date", LocalDate.class), rs.getInt("deliveries_generated"),
                rs.getObject("first_order_id", Long.class), rs.getObject("first_delivery_date", LocalDate.class),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("end_reason"),
                rs.getString("process_instance_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
