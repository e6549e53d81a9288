package jp.cartflow.mail.outbox;

/** Why a mail is sent; newsletters are the only kind that leaves bounce records alone (BNC-3). */
public enum MailKind {
    /** To a customer about their order or subscription. */
    TRANSACTIONAL,
    /** Marketing mail (MKT-*): skips flagged addresses, never clears them. */
    NEWSLETTER,
    /** An unchanged copy for an inventory tool's intake address (MAIL-4). */
    FORWARD,
    /** To the shop itself (e.g. the my-page change notice, SUB-28). */
    NOTICE
}
