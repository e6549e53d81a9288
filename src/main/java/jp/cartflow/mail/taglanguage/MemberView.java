package jp.cartflow.mail.taglanguage;

import java.time.LocalDate;

/**
 * Member values: {@code memberName}/{@code memberEmail}/{@code memberId} comment tags and all SUB-29
 * bracket tags. Any component may be {@code null} (renders as empty). {@code corpPost} is the department
 * (部署), {@code pref}/{@code city}/{@code address}/{@code building} the address split as the shop stores it.
 */
public record MemberView(String memberId, String loginId,
                         String lastName, String firstName, String lastNameKana, String firstNameKana,
                         String email, String corp, String corpKana, String corpPost,
                         String zip, String pref, String city, String address, String building,
                         String tel, String fax, LocalDate birthDate,
                         Integer buyTimes, Long buyTotalMoney, Long point, Long totalPoint) {

    /** 「姓 名」 — family and given name joined by a space; either part alone when the other is missing. */
    public String fullName() {
        return join(lastName, firstName);
    }

    /** Furigana of {@link #fullName()}. */
    public String fullNameKana() {
        return join(lastNameKana, firstNameKana);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + " " + b;
    }

    public static MemberView empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; {@link #build()} gives the immutable record. */
    public static final class Builder {
        private String memberId;
        private String loginId;
        private String lastName;
        private String firstName;
        private String lastNameKana;
        private String firstNameKana;
        private String email;
        private String corp;
        private String corpKana;
        private String corpPost;
        private String zip;
        private String pref;
        private String city;
        private String address;
        private String building;
        private String tel;
        private String fax;
        private LocalDate birthDate;
        private Integer buyTimes;
        private Long buyTotalMoney;
        private Long point;
        private Long totalPoint;

        private Builder() {
        }

        public Builder memberId(String v) { memberId = v; return this; }
        public Builder loginId(String v) { loginId = v; return this; }
        public Builder name(String last, String first) { lastName = last; firstName = first; return this; }
        public Builder kana(String last, String first) { lastNameKana = last; firstNameKana = first; return this; }
        public Builder email(String v) { email = v; return this; }
        public Builder corp(String name, String kana, String post) { corp = name; corpKana = kana; corpPost = post; return this; }
        public Builder address(String zip, String pref, String city, String address, String building) {
            this.zip = zip; this.pref = pref; this.city = city; this.address = address; this.building = building;
            return this;
        }
        public Builder tel(String v) { tel = v; return this; }
        public Builder fax(String v) { fax = v; return this; }
        public Builder birthDate(LocalDate v) { birthDate = v; return this; }
        public Builder buyTimes(Integer v) { buyTimes = v; return this; }
        public Builder buyTotalMoney(Long v) { buyTotalMoney = v; return this; }
        public Builder point(Long v) { point = v; return this; }
        public Builder totalPoint(Long v) { totalPoint = v; return this; }

        public MemberView build() {
            return new MemberView(memberId, loginId, lastName, firstName, lastNameKana, firstNameKana, email,
                    corp, corpKana, corpPost, zip, pref, city, address, building, tel, fax, birthDate, buyTimes,
                    buyTotalMoney, point, totalPoint);
        }
    }
}
