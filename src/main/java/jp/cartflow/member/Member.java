package jp.cartflow.member;

/** A registered customer (SUB-1): login, mail address, name and postal address. */
public record Member(long id, long shopId, String loginId, String email, String lastName, String firstName,
                     String lastNameKana, String firstNameKana, String zipcode, String pref, String city,
                     String address, String building, String tel) {

    /** The member's own address as a delivery address. */
    public Recipient asRecipient() {
        return new Recipient(lastName, firstName, lastNameKana, firstNameKana, zipcode, pref, city, address,
                building, tel);
    }
}
