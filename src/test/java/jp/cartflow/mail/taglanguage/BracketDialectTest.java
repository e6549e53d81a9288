package jp.cartflow.mail.taglanguage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BracketDialectTest {

    private static final MemberView MEMBER = MemberView.builder()
            .memberId("10234").loginId("hanako01")
            .name("山田", "花子").kana("ヤマダ", "ハナコ")
            .email("hanako@example.jp")
            .corp("株式会社こもれび", "カブシキガイシャコモレビ", "営業部")
            .address("150-0001", "東京都", "渋谷区", "神宮前1-2-3", "こもれびビル 201")
            .tel("03-1234-5678").fax("03-1234-5679")
            .birthDate(LocalDate.of(1988, 7, 21))
            .buyTimes(12).buyTotalMoney(86_400L).point(1_250L).totalPoint(4_800L)
            .build();

    @Test
    @DisplayName("SUB-29 card-expiry bracket tags render the member's values")
    void rendersAllTags() {
        String body = "[MEMBER_NAME] 様 [MEMBER_LAST_NAME]/[MEMBER_FIRST_NAME] [MEMBER_NAME_FRI] "
                + "[MEMBER_LAST_NAME_FRI]/[MEMBER_FIRST_NAME_FRI] [MEMBER_LOGIN_ID] [MEMBER_EMAIL] "
                + "[MEMBER_CORP]([MEMBER_CORP_FRI]) [MEMBER_CORP_POST] 〒[MEMBER_ZIPCODE] [MEMBER_PREF][MEMBER_CITY]"
                + "[MEMBER_ADDRESS] [MEMBER_BUILDING] TEL[MEMBER_TEL] FAX[MEMBER_FAX] "
                + "[BIRTH_YEAR]/[BIRTH_MONTH]/[BIRTH_DAY] [BUY_TIMES]回 [BUY_TOTAL_MONEY]円 [MEMBER_POINT]pt [MEMBER_TOTAL_POINT]pt "
                + "[重要] [a]";
        String out = TemplateParser.parse(body, Dialect.BRACKET).render(MailContext.builder().member(MEMBER).build());
        assertThat(out).isEqualTo("山田 花子 様 山田/花子 ヤマダ ハナコ ヤマダ/ハナコ hanako01 hanako@example.jp "
                + "株式会社こもれび(カブシキガイシャコモレビ) 営業部 〒150-0001 東京都渋谷区神宮前1-2-3 こもれびビル 201 "
                + "TEL03-1234-5678 FAX03-1234-5679 1988/7/21 12回 86,400円 1,250pt 4,800pt [重要] [a]");
    }

    @Test
    @DisplayName("SUB-29 an unknown bracket tag and a comment tag are refused with line and tag")
    void unknownBracketTag() {
        List<TemplateError> errors = TemplateParser.validate("""
                [MEMBER_NAME] 様
                カード番号末尾:[CARD_LAST4]
                <!--{memberName}-->
                """, Dialect.BRACKET, TemplatePart.BODY);
        assertThat(errors).extracting(TemplateError::kind, TemplateError::line, TemplateError::column, TemplateError::tag)
                .containsExactly(
                        tuple(ErrorKind.UNKNOWN_TAG, 2, 9, "[CARD_LAST4]"),
                        tuple(ErrorKind.UNKNOWN_TAG, 3, 1, "<!--{memberName}-->"));
    }

    @Test
    @DisplayName("SUB-29 missing member values render empty")
    void missingValues() {
        String out = TemplateParser.parse("[MEMBER_NAME]/[BIRTH_YEAR]/[MEMBER_POINT]", Dialect.BRACKET)
                .render(MailContext.builder().build());
        assertThat(out).isEqualTo("//");
    }
}
