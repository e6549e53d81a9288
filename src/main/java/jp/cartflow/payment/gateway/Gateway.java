package jp.cartflow.payment.gateway;

/** The payment gateways we speak to; the names are the codes stored in payment_transaction.gateway. */
public enum Gateway {
    ZEUS("ゼウス"),
    SBPS("SBペイメントサービス"),
    NP("NP後払い");

    private final String displayName;

    Gateway(String displayName) {
        this.displayName = displayName;
    }

    /** The name operators know (Japanese). */
    public String displayName() {
        return displayName;
    }
}
