package jp.cartflow.subscription;

import jp.cartflow.subscription.domain.PaymentMethodCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What subscriptions need from members, payment methods and carriers: the member, the address book, the card
 * on file (SUB-27), the payment methods enabled for subscriptions and supported by a carrier (SUB-17) and the
 * carrier's time slots. Reads the tables directly until the member and payment features own them.
 */
@Repository
public class MemberAccounts {

    private final JdbcClient jdbc;

    public MemberAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Member(long id, long shopId, String loginId, String email, String lastName, String firstName,
                         String lastNameKana, String firstNameKana, String zipcode, String pref, String city,
                         String address, String building, String tel) {

        public Recipient asRecipient() {
            return new Recipient(lastName, firstName, lastNameKana, firstNameKana, zipcode, pref, city, address,
                    building, tel);
        }
    }

    public record Card(long id, long memberId, String gateway, String maskedNumber, int expiryYear, int expiryMonth,
                       Instant expiryRemindedAt) {

        /** The last day the card can be used. */
        public LocalDate expiresOn() {
            return java.time.YearMonth.of(expiryYear, expiryMonth).atEndOfMonth();
        }
    }

    public record PaymentMethod(long id, PaymentMethodCode code, String name, long fee) {
    }

    public Optional<Member> member(long shopId, long memberId) {
        return jdbc.sql("""
                SELECT id, shop_id, login_id, email, last_name, first_name, last_name_kana, first_name_kana, zipcode,
                       pref, city, address, building, tel FROM member WHERE shop_id = :shop AND id = :id""")
                .param("shop", shopId).param("id", memberId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)))
                .optional();
    }

    public boolean loginIdTaken(long shopId, String loginId) {
        return jdbc.sql("SELECT COUNT(*) FROM member WHERE shop_id = :shop AND login_id = :login")
                .param("shop", shopId).param("login", loginId).query(Integer.class).single() > 0;
    }

    /** SUB-1: a guest who registers during the subscription checkout becomes a member when it completes. */
    public long register(long shopId, String loginId, String email, Recipient r, int registrationPoints, Instant at) {
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, last_name_kana, first_name_kana,
                    zipcode, pref, city, address, building, tel, points, total_points, created_at, updated_at)
                VALUES (:shop, :login, :email, :ln, :fn, :lnk, :fnk, :zip, :pref, :city, :address, :building, :tel,
                    :points, :points, :at, :at)""")
                .param("shop", shopId).param("login", loginId).param("email", email).param("ln", r.lastName())
                .param("fn", r.firstName()).param("lnk", r.lastNameKana()).param("fnk", r.firstNameKana())
                .param("zip", r.zipcode()).param("pref", r.pref()).param("city", r.city())
                .param("address", r.address()).param("building", r.building()).param("tel", r.tel())
                .param("points", registrationPoints).param("at", at.atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("SELECT id FROM member WHERE shop_id = :shop AND login_id = :login")
                .param("shop", shopId).param("login", loginId).query(Long.class).single();
    }

    /** SUB-26: an address-book entry of the member. */
    public Optional<Recipient> addressBookEntry(long memberId, long entryId) {
        return jdbc.sql("""
                SELECT last_name, first_name, last_name_kana, first_name_kana, zipcode, pref, city, address, building,
                       tel FROM member_address WHERE member_id = :member AND id = :id""")
                .param("member", memberId).param("id", entryId)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)))
                .optional();
    }

    /** SUB-27: the member's card on file (one per member). */
    public Optional<Card> card(long memberId) {
        return jdbc.sql("""
                SELECT id, member_id, gateway, masked_number, expiry_year, expiry_month, expiry_reminded_at
                FROM member_card WHERE member_id = :member""")
                .param("member", memberId)
                .query((rs, n) -> new Card(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6), SubscriptionRepository.instant(rs, "expiry_reminded_at")))
                .optional();
    }

    public void markCardReminded(long cardId, Instant at) {
        jdbc.sql("UPDATE member_card SET expiry_reminded_at = :at WHERE id = :id")
                .param("at", at.atOffset(ZoneOffset.UTC)).param("id", cardId).update();
    }

    /** SUB-17: the methods enabled for subscriptions and supported by the carrier. */
    public List<PaymentMethod> subscriptionMethods(long shopId, long carrierId) {
        return jdbc.sql("""
                SELECT p.id, p.code, p.name, p.fee FROM payment_method p
                JOIN carrier_payment_method cp ON cp.payment_method_id = p.id AND cp.carrier_id = :carrier
                WHERE p.shop_id = :shop AND p.enabled = TRUE AND p.subscription_enabled = TRUE
                ORDER BY p.sort_order, p.id""")
                .param("shop", shopId).param("carrier", carrierId)
                .query((rs, n) -> new PaymentMethod(rs.getLong(1), PaymentMethodCode.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getLong(4)))
                .list();
    }

    public boolean timeSlotExists(long carrierId, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM carrier_time_slot WHERE carrier_id = :carrier AND code = :code")
                .param("carrier", carrierId).param("code", code).query(Integer.class).single() > 0;
    }

    public record Product(long id, String code, String name, boolean subscriptionEnabled, Long firstPrice,
                          Long repeatPrice) {
    }

    public Optional<Product> product(long shopId, String code) {
        return jdbc.sql("""
                SELECT id, product_code, name, subscription_enabled, subscription_first_price, subscription_repeat_price
                FROM product WHERE shop_id = :shop AND product_code = :code""")
                .param("shop", shopId).param("code", code)
                .query((rs, n) -> new Product(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, Long.class), rs.getObject(6, Long.class)))
                .optional();
    }

    public int registrationPoints(long shopId) {
        return jdbc.sql("SELECT registration_points FROM shop WHERE id = :id").param("id", shopId)
                .query(Integer.class).single();
    }
}
