package jp.cartflow.mail.taglanguage;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The bracket tags of the card-expiry reminder (SUB-29), e.g. {@code [MEMBER_NAME]}: token, Japanese
 * description, example and the {@link MemberView} value. One list for validation, rendering and docs.
 */
enum BracketTag {
    MEMBER_NAME("会員氏名", "山田 花子", ValueType.TEXT, MemberView::fullName),
    MEMBER_LAST_NAME("会員氏名(姓)", "山田", ValueType.TEXT, MemberView::lastName),
    MEMBER_FIRST_NAME("会員氏名(名)", "花子", ValueType.TEXT, MemberView::firstName),
    MEMBER_NAME_FRI("会員氏名フリガナ", "ヤマダ ハナコ", ValueType.TEXT, MemberView::fullNameKana),
    MEMBER_LAST_NAME_FRI("会員氏名フリガナ(セイ)", "ヤマダ", ValueType.TEXT, MemberView::lastNameKana),
    MEMBER_FIRST_NAME_FRI("会員氏名フリガナ(メイ)", "ハナコ", ValueType.TEXT, MemberView::firstNameKana),
    MEMBER_LOGIN_ID("ログインID", "hanako01", ValueType.TEXT, MemberView::loginId),
    MEMBER_EMAIL("Eメールアドレス", "hanako@example.jp", ValueType.TEXT, MemberView::email),
    MEMBER_CORP("会社名", "株式会社こもれび", ValueType.TEXT, MemberView::corp),
    MEMBER_CORP_FRI("会社名フリガナ", "カブシキガイシャコモレビ", ValueType.TEXT, MemberView::corpKana),
    MEMBER_CORP_POST("部署名", "営業部", ValueType.TEXT, MemberView::corpPost),
    MEMBER_ZIPCODE("郵便番号", "150-0001", ValueType.TEXT, MemberView::zip),
    MEMBER_PREF("都道府県", "東京都", ValueType.TEXT, MemberView::pref),
    MEMBER_CITY("市区町村", "渋谷区", ValueType.TEXT, MemberView::city),
    MEMBER_ADDRESS("番地", "神宮前1-2-3", ValueType.TEXT, MemberView::address),
    MEMBER_BUILDING("建物名", "こもれびビル 201", ValueType.TEXT, MemberView::building),
    MEMBER_TEL("電話番号", "03-1234-5678", ValueType.TEXT, MemberView::tel),
    MEMBER_FAX("FAX番号", "03-1234-5679", ValueType.TEXT, MemberView::fax),
    BIRTH_YEAR("生年", "1988", ValueType.TEXT, m -> datePart(m.birthDate(), LocalDate::getYear)),
    BIRTH_MONTH("生月", "7", ValueType.TEXT, m -> datePart(m.birthDate(), LocalDate::getMonthValue)),
    BIRTH_DAY("生日", "21", ValueType.TEXT, m -> datePart(m.birthDate(), LocalDate::getDayOfMonth)),
    BUY_TIMES("購入回数", "12", ValueType.NUMBER, MemberView::buyTimes),
    BUY_TOTAL_MONEY("購入金額累計(円)", "86,400", ValueType.MONEY, MemberView::buyTotalMoney),
    MEMBER_POINT("保有ポイント", "1,250", ValueType.NUMBER, MemberView::point),
    MEMBER_TOTAL_POINT("累計獲得ポイント", "4,800", ValueType.NUMBER, MemberView::totalPoint);

    private final String descriptionJa;
    private final String example;
    private final ValueType type;
    private final Function<MemberView, Object> value;

    BracketTag(String descriptionJa, String example, ValueType type, Function<MemberView, Object> value) {
        this.descriptionJa = descriptionJa;
        this.example = example;
        this.type = type;
        this.value = value;
    }

    /** How the tag is written, e.g. {@code [MEMBER_NAME]}. */
    public String syntax() {
        return "[" + name() + "]";
    }

    public String descriptionJa() {
        return descriptionJa;
    }

    public String example() {
        return example;
    }

    static Optional<BracketTag> find(String token) {
        return Arrays.stream(values()).filter(t -> t.name().equals(token)).findFirst();
    }

    String render(MemberView member) {
        return type.format(value.apply(member));
    }

    private static Object datePart(LocalDate date, Function<LocalDate, Integer> part) {
        return date == null ? null : part.apply(date);
    }
}
