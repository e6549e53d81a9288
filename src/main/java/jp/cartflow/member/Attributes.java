package jp.cartflow.member;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Custom member attributes (MEM-1): per-shop definitions of five types with options, a required flag and a
 * maximum length, and each member's values, validated by type. 90 (会社名) and 91 (部署名) are built in; they
 * are mirrored into the member's corp / corp_post so every reader sees one company and department.
 */
@Service
public class Attributes {

    public enum Type { TEXT_LINE, RADIO, PULLDOWN, TEXT_AREA, DATE }

    public static final int COMPANY = 90;
    public static final int DEPARTMENT = 91;
    private static final int MAX_VALUE = 4000;
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    public record Definition(int attributeNo, String name, Type type, List<String> options, boolean required,
                             Integer maxLength, int sortOrder, boolean builtIn) {
    }

    /** A value or definition the rules refuse: {@code field} names it (e.g. values.3), the message the attribute. */
    public static class InvalidAttributeException extends RuntimeException {
        private final String field;

        InvalidAttributeException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final JdbcClient jdbc;

    Attributes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shop's definitions (built-ins first, then by sort order). */
    @Transactional
    public List<Definition> definitions(long shopId) {
        ensureBuiltIns(shopId);
        return jdbc.sql("""
                SELECT attribute_no, name, attribute_type, options, required, max_length, sort_order
                FROM member_attribute_definition WHERE shop_id = :shop ORDER BY sort_order, attribute_no""")
                .param("shop", shopId)
                .query((rs, n) -> new Definition(rs.getInt(1), rs.getString(2), Type.valueOf(rs.getString(3)),
                        options(rs.getString(4)), rs.getBoolean(5), rs.getObject(6, Integer.class), rs.getInt(7),
                        builtIn(rs.getInt(1))))
                .list();
    }

    public Optional<Definition> definition(long shopId, int attributeNo) {
        return definitions(shopId).stream().filter(d -> d.attributeNo() == attributeNo).findFirst();
    }

    /** MAIL-1: whether {@code <!--{orderAttribute id=N}-->} names an attribute of the shop. */
    public boolean isDefined(long shopId, int attributeNo) {
        return builtIn(attributeNo) || jdbc.sql("""
                SELECT COUNT(*) FROM member_attribute_definition WHERE shop_id = :shop AND attribute_no = :no""")
                .param("shop", shopId).param("no", attributeNo).query(Integer.class).single() > 0;
    }

    static boolean builtIn(int attributeNo) {
        return attributeNo == COMPANY || attributeNo == DEPARTMENT;
    }

    /** Creates or replaces a custom definition; the built-ins keep their name and type. */
    @Transactional
    public Definition save(long shopId, Integer attributeNo, String name, Type type, List<String> options,
                           boolean required, Integer maxLength, int sortOrder) {
        ensureBuiltIns(shopId);
        if (attributeNo != null && builtIn(attributeNo)) {
            throw new InvalidAttributeException("attributeNo", "90 (会社名) と 91 (部署名) は組み込みです / built in");
        }
        List<String> choices = options == null ? List.of() : options.stream().map(String::strip).toList();
        if (type == Type.RADIO || type == Type.PULLDOWN) {
            if (choices.isEmpty() || choices.stream().anyMatch(String::isEmpty)) {
                throw new InvalidAttributeException("options", type + " needs at least one non-empty option");
            }
            if (choices.stream().distinct().count() < choices.size()) {
                throw new InvalidAttributeException("options", "options must differ");
            }
            if (choices.stream().anyMatch(o -> o.contains("\n"))) {
                throw new InvalidAttributeException("options", "an option is one line");
            }
        } else if (!choices.isEmpty()) {
            throw new InvalidAttributeException("options", "only RADIO and PULLDOWN have options");
        }
        if (type == Type.DATE && maxLength != null) {
            throw new InvalidAttributeException("maxLength", "a DATE has no maximum length");
        }
        int no = attributeNo != null ? attributeNo : nextNo(shopId);
        String joined = choices.isEmpty() ? null : String.join("\n", choices);
        int updated = jdbc.sql("""
                UPDATE member_attribute_definition SET name = :name, attribute_type = :type, options = :options,
                    required = :required, max_length = :max, sort_order = :sort
                WHERE shop_id = :shop AND attribute_no = :no""")
                .param("name", name).param("type", type.name()).param("options", joined).param("required", required)
                .param("max", maxLength).param("sort", sortOrder).param("shop", shopId).param("no", no).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO member_attribute_definition (shop_id, attribute_no, name, attribute_type, options,
                        required, max_length, sort_order)
                    VALUES (:shop, :no, :name, :type, :options, :required, :max, :sort)""")
                    .param("name", name).param("type", type.name()).param("options", joined)
                    .param("required", required).param("max", maxLength).param("sort", sortOrder)
                    .param("shop", shopId).param("no", no).update();
        }
        return definition(shopId, no).orElseThrow();
    }

    /** Deletes a custom definition and its values; false when there is none. */
    @Transactional
    public boolean delete(long shopId, int attributeNo) {
        if (builtIn(attributeNo)) {
            throw new InvalidAttributeException("attributeNo", "90 (会社名) と 91 (部署名) は削除できません / built in");
        }
        jdbc.sql("""
                DELETE FROM member_attribute_value WHERE definition_id IN (SELECT id FROM member_attribute_definition
                    WHERE shop_id = :shop AND attribute_no = :no)""").param("shop", shopId).param("no", attributeNo)
                .update();
        return jdbc.sql("DELETE FROM member_attribute_definition WHERE shop_id = :shop AND attribute_no = :no")
                .param("shop", shopId).param("no", attributeNo).update() > 0;
    }

    /** The member's values by attribute no. */
    public Map<Integer, String> values(long memberId) {
        Map<Integer, String> values = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT d.attribute_no, v.attribute_value FROM member_attribute_value v
                JOIN member_attribute_definition d ON d.id = v.definition_id
                WHERE v.member_id = :member ORDER BY d.sort_order, d.attribute_no""")
                .param("member", memberId).query(rs -> {
                    values.put(rs.getInt(1), rs.getString(2));
                });
        return values;
    }

    /**
     * Sets the given values (a blank value removes it), then checks that every required attribute has one. All
     * values are checked before anything is written; a refusal names the attribute.
     */
    @Transactional
    public Map<Integer, String> put(long shopId, long memberId, Map<Integer, String> given) {
        Map<Integer, Definition> defs = new LinkedHashMap<>();
        definitions(shopId).forEach(d -> defs.put(d.attributeNo(), d));
        Map<Integer, String> next = new LinkedHashMap<>(values(memberId));
        for (Map.Entry<Integer, String> e : given.entrySet()) {
            Definition d = defs.get(e.getKey());
            String field = "values." + e.getKey();
            if (d == null) {
                throw new InvalidAttributeException(field, "会員追加項目 " + e.getKey() + " は定義されていません / "
                        + "no attribute " + e.getKey());
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty()) {
                next.remove(d.attributeNo());
            } else {
                next.put(d.attributeNo(), check(d, value, field));
            }
        }
        for (Definition d : defs.values()) {
            if (d.required() && !next.containsKey(d.attributeNo())) {
                throw new InvalidAttributeException("values." + d.attributeNo(), "「" + d.name()
                        + "」は必須です / " + d.name() + " is required");
            }
        }
        jdbc.sql("DELETE FROM member_attribute_value WHERE member_id = :member").param("member", memberId).update();
        for (Map.Entry<Integer, String> e : next.entrySet()) {
            jdbc.sql("""
                    INSERT INTO member_attribute_value (member_id, definition_id, attribute_value)
                    SELECT :member, id, :value FROM member_attribute_definition WHERE shop_id = :shop AND attribute_no = :no""")
                    .param("member", memberId).param("value", e.getValue()).param("shop", shopId)
                    .param("no", e.getKey()).update();
        }
        jdbc.sql("UPDATE member SET corp = :corp, corp_post = :post WHERE id = :member")
                .param("corp", next.get(COMPANY)).param("post", next.get(DEPARTMENT)).param("member", memberId).update();
        return values(memberId);
    }

    private static String check(Definition d, String value, String field) {
        String name = "「" + d.name() + "」";
        int max = d.maxLength() == null ? MAX_VALUE : d.maxLength();
        switch (d.type()) {
            case TEXT_LINE -> {
                if (value.contains("\n") || value.contains("\r")) {
                    throw new InvalidAttributeException(field, name + "は1行です / " + d.name() + " is one line");
                }
            }
            case RADIO, PULLDOWN -> {
                if (!d.options().contains(value)) {
                    throw new InvalidAttributeException(field, name + "の選択肢にありません / not an option of "
                            + d.name() + ": " + d.options());
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value, ISO_DATE);
                } catch (DateTimeParseException e) {
                    throw new InvalidAttributeException(field, name + "は存在する日付 (yyyy-MM-dd) です / "
                            + d.name() + " is a date that exists, yyyy-MM-dd");
                }
            }
            case TEXT_AREA -> {
            }
        }
        if (value.length() > max) {
            throw new InvalidAttributeException(field, name + "は" + max + "文字以内です / " + d.name()
                    + " takes at most " + max + " characters");
        }
        return value;
    }

    /** Members of the shop whose attribute has this value (text types: containing it; others: equal). */
    public List<Long> search(long shopId, int attributeNo, String value) {
        Definition d = definition(shopId, attributeNo)
                .orElseThrow(() -> new InvalidAttributeException("attribute", "no attribute " + attributeNo));
        boolean text = d.type() == Type.TEXT_LINE || d.type() == Type.TEXT_AREA;
        return jdbc.sql("""
                SELECT v.member_id FROM member_attribute_value v
                JOIN member_attribute_definition d ON d.id = v.definition_id
                WHERE d.shop_id = :shop AND d.attribute_no = :no""" + " AND "
                + (text ? "v.attribute_value LIKE :value" : "v.attribute_value = :value") + " ORDER BY v.member_id")
                .param("shop", shopId).param("no", attributeNo)
                .param("value", text ? "%" + value.replace("%", "").replace("_", "") + "%" : value)
                .query(Long.class).list();
    }

    private int nextNo(long shopId) {
        List<Integer> used = new ArrayList<>(jdbc.sql(
                "SELECT attribute_no FROM member_attribute_definition WHERE shop_id = :shop")
                .param("shop", shopId).query(Integer.class).list());
        for (int no = 1; no <= 999; no++) {
            if (!used.contains(no) && !builtIn(no)) {
                return no;
            }
        }
        throw new InvalidAttributeException("attributeNo", "no free attribute number");
    }

    private void ensureBuiltIns(long shopId) {
        for (int no : new int[] {COMPANY, DEPARTMENT}) {
            jdbc.sql("""
                    INSERT INTO member_attribute_definition (shop_id, attribute_no, name, attribute_type, required,
                        sort_order, max_length)
                    SELECT :shop, :no, :name, 'TEXT_LINE', FALSE, 0, 255
                    WHERE NOT EXISTS (SELECT 1 FROM member_attribute_definition
                        WHERE shop_id = :shop AND attribute_no = :no)""")
                    .param("shop", shopId).param("no", no).param("name", no == COMPANY ? "会社名" : "部署名").update();
        }
    }

    private static List<String> options(String stored) {
        return stored == null || stored.isBlank() ? List.of() : Arrays.stream(stored.split("\n")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
