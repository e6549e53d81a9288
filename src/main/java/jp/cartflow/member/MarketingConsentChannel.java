package jp.cartflow.member;

/** Through which way a member gave or withdrew marketing consent (MKT-2 history). */
public enum MarketingConsentChannel {
    /** The checkbox at checkout (registration or a later order). */
    CHECKOUT,
    /** The member's own my-page setting. */
    MY_PAGE,
    /** An operator, e.g. on the member's written request. */
    OPERATOR,
    /** The shop's deliberate import of existing members when it first switched newsletters on. */
    IMPORT,
    /** The one-click unsubscribe link of a newsletter (RFC 8058). */
    UNSUBSCRIBE_LINK
}
