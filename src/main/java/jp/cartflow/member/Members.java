package jp.cartflow.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The member room: members, their address book, registration (SUB-1, MEM-2), points, purchase statistics and
 * marketing consent. The only code that reads or writes {@code member} and {@code member_address}; every other
 * room asks here.
 */
@Service
public class Members {

    private static final String MEMBER_COLUMNS = """
            id, shop_id, login_id, email, last_name, first_name, last_name_kana, first_name_kana, zipcode, pref,
            city, address, building, tel""";

    private final JdbcClient jdbc;
    private final Points points;

    Members(JdbcClient jdbc, Points points) {
        this.jdbc = jdbc;
        this.points = points;
    }

    /** True when the shop defines the custom member attribute {@code attributeNo} (e.g. for a newsletter segment). */
    public boolean hasAttribute(long shopId, int attributeNo) {
        return jdbc.sql("SELECT COUNT(*) FROM member_attribute_definition WHERE shop_id = :shop AND attribute_no = :no")
                .param("shop", shopId).param("no", attributeNo).query(Long.class).single() > 0;
    }

    public Optional<Member> member(long shopId, long memberId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM member WHERE shop_id = :shop AND id = :id")
                .param("shop", shopId).param("id", memberId).query(Members::member).optional();
    }

    /** The member with points, purchase statistics and consent; empty when there is no such member. */
    public Optional<MemberProfile> profile(long memberId) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + """
                        , corp, corp_kana, corp_post, fax, birth_date, points, total_points, buy_times, buy_total,
                        marketing_consent FROM member WHERE id = :id""")
                .param("id", memberId)
                .query((rs, n) -> new MemberProfile(member(rs, n), rs.getString("corp"), rs.getString("corp_kana"),
                        rs.getString("corp_post"), rs.getString("fax"), rs.getObject("birth_date", LocalDate.class),
                        rs.getLong("points"), rs.getLong("total_points"), rs.getInt("buy_times"),
                        rs.getLong("buy_total"), rs.getBoolean("marketing_consent")))
                .optional();
    }

    /** True when a member of the shop has this address (compared lower-cased). */
    public boolean emailInUse(long shopId, String email) {
        return jdbc.sql("SELECT COUNT(*) FROM member WHERE shop_id = :shop AND LOWER(email) = :email")
                .param("shop", shopId).param("email", email.toLowerCase(java.util.Locale.ROOT))
                .query(Long.class).single() > 0;
    }

    public boolean loginIdTaken(long shopId, String loginId) {
        return jdbc.sql("SELECT COUNT(*) FROM member WHERE shop_id = :shop AND login_id = :login")
                .param("shop", shopId).param("login", loginId).query(Integer.class).single() > 0;
    }

    /**
     * SUB-1, MEM-2: a guest who registers during a checkout becomes a member; the shop's registration points are
     * granted through the ledger.
     */
    public long register(long shopId, String loginId, String email, Recipient r, long registrationPoints,
                         Instant at) {
        jdbc.sql("""
                INSERT INTO member (shop_id, login_id, email, last_name, first_name, last_name_kana, first_name_kana,
                    zipcode, pref, city, address, building, tel, created_at, updated_at)
                VALUES (:shop, :login, :email, :ln, :fn, :lnk, :fnk, :zip, :pref, :city, :address, :building, :tel,
                    :at, :at)""")
                .param("shop", shopId).param("login", loginId).param("email", email).param("ln", r.lastName())
                .param("fn", r.firstName()).param("lnk", r.lastNameKana()).param("fnk", r.firstNameKana())
                .param("zip", r.zipcode()).param("pref", r.pref()).param("city", r.city())
                .param("address", r.address()).param("building", r.building()).param("tel", r.tel())
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
        long id = jdbc.sql("SELECT id FROM member WHERE shop_id = :shop AND login_id = :login")
                .param("shop", shopId).param("login", loginId).query(Long.class).single();
        points.grantRegistration(id, registrationPoints, at);
        return id;
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

    /** The member's point balance. */
    public long points(long memberId) {
        return points.balance(memberId);
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("id"), rs.getLong("shop_id"), rs.getString("login_id"), rs.getString("email"),
                rs.getString("last_name"), rs.getString("first_name"), rs.getString("last_name_kana"),
                rs.getString("first_name_kana"), rs.getString("zipcode"), rs.getString("pref"), rs.getString("city"),
                rs.getString("address"), rs.getString("building"), rs.getString("tel"));
    }
}
