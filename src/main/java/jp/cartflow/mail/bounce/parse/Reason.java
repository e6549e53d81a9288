package jp.cartflow.mail.bounce.parse;

/**
 * Why a delivery failed, as far as the notice lets us tell. The address-is-gone reasons are hard: mailing it again
 * can only fail again. Everything else (a full mailbox, a filter, a busy or misconfigured server) may pass later,
 * so it is soft and flags the address only after repeats (BNC-4).
 */
public enum Reason {
    USER_UNKNOWN("宛先のユーザーが存在しない", true),
    HOST_UNKNOWN("宛先のドメインが存在しない", true),
    HAS_MOVED("宛先が移転した", true),
    NOT_ACCEPT("宛先のドメインがメールを受け付けない", true),
    MAILBOX_FULL("メールボックスが満杯", false),
    MESSAGE_TOO_BIG("メールが大きすぎる", false),
    EXPIRED("配送期限切れ", false),
    SUSPENDED("宛先が一時停止中", false),
    FILTERED("受信者側のフィルタで拒否", false),
    BLOCKED("送信元が拒否された", false),
    SPAM("迷惑メールと判定された", false),
    POLICY("受信側の規則に違反", false),
    NETWORK("ネットワーク障害", false),
    SYSTEM("受信側のシステム障害", false),
    REJECTED("受信を拒否された", false),
    UNDEFINED("理由不明", false),
    /** Not a failure: an ARF feedback report says the recipient marked our mail as spam. */
    COMPLAINT("迷惑メールとして報告された", false);

    private final String label;
    private final boolean hard;

    Reason(String label, boolean hard) {
        this.label = label;
        this.hard = hard;
    }

    /** For the operator, in Japanese. */
    public String label() {
        return label;
    }

    public boolean hard() {
        return hard;
    }
}
