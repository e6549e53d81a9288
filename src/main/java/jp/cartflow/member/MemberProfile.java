package jp.cartflow.member;

import java.time.LocalDate;

/**
 * Everything the member room knows about a member, for mails and reports: the member, company, fax and birth
 * date, points (balance and total earned), purchase statistics (count and total of purchases) and the
 * marketing consent (MKT-1).
 */
public record MemberProfile(Member member, String corp, String corpKana, String corpPost, String fax,
                            LocalDate birthDate, long points, long totalPoints, int buyTimes, long buyTotal,
                            boolean marketingConsent) {
}
