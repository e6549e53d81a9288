package jp.cartflow.shop;

import jp.cartflow.platform.errors.TechnicalFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Reads shops and their carriers. The shop served by the API is {@code cartflow.shop-code}. */
@Service
public class ShopDirectory {

    private final JdbcClient jdbc;
    private final String defaultShopCode;

    public ShopDirectory(JdbcClient jdbc, @Value("${cartflow.shop-code:demo}") String defaultShopCode) {
        this.jdbc = jdbc;
        this.defaultShopCode = defaultShopCode;
    }

    /** The shop this installation serves. */
    public Shop current() {
        return byCode(defaultShopCode).orElseThrow(() -> new TechnicalFailure(
                TechnicalFailure.Kind.NOT_CONFIGURED, "shop '" + defaultShopCode + "' is not configured "
                + "(set CARTFLOW_SHOP_NAME and CARTFLOW_SHOP_EMAIL, see docs/configuration.md)", null, null, null));
    }

    public Optional<Shop> byCode(String code) {
        return jdbc.sql("SELECT id, code, name, email, copy_email FROM shop WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new Shop(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }

    public Shop byId(long id) {
        return jdbc.sql("SELECT id, code, name, email, copy_email FROM shop WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Shop(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .single();
    }

    public Optional<Carrier> carrier(long shopId, String code) {
        return jdbc.sql("""
                SELECT id, shop_id, code, name, tracking_url_template, tracking_number_pattern
                FROM carrier WHERE shop_id = :shop AND code = :code AND enabled = TRUE""")
                .param("shop", shopId).param("code", code)
                .query((rs, n) -> new Carrier(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** SUB-16/26: whether the carrier offers this delivery time slot. */
    public boolean timeSlotExists(long carrierId, String code) {
        return jdbc.sql("SELECT COUNT(*) FROM carrier_time_slot WHERE carrier_id = :carrier AND code = :code")
                .param("carrier", carrierId).param("code", code).query(Integer.class).single() > 0;
    }

    /** SUB-16: the label of a carrier's time slot (e.g. 14〜16時); empty for no slot or an unknown one. */
    public Optional<String> timeSlotLabel(Long carrierId, String code) {
        if (carrierId == null || code == null || code.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT label FROM carrier_time_slot WHERE carrier_id = :carrier AND code = :code")
                .param("carrier", carrierId).param("code", code).query(String.class).optional();
    }

    /** What mails and notices print for no time slot (SUB-16, MAIL-1). */
    public static final String NO_TIME_SLOT = "指定なし";

    /**
     * SUB-16, MAIL-1: the time slot as mails and notices print it — the carrier's label (午前中, 14〜16時), 指定なし
     * for no slot, and the stored code itself only if the carrier no longer offers it.
     */
    public String timeSlotText(Long carrierId, String code) {
        if (code == null || code.isBlank()) {
            return NO_TIME_SLOT;
        }
        return timeSlotLabel(carrierId, code).orElse(code);
    }

    /** The ids of all shops (start-up work that runs per shop). */
    public List<Long> allIds() {
        return jdbc.sql("SELECT id FROM shop ORDER BY id").query(Long.class).list();
    }

    public List<Carrier> carriers(long shopId) {
        return jdbc.sql("""
                SELECT id, shop_id, code, name, tracking_url_template, tracking_number_pattern
                FROM carrier WHERE shop_id = :shop AND enabled = TRUE ORDER BY sort_order, id""")
                .param("shop", shopId)
                .query((rs, n) -> new Carrier(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }
}
