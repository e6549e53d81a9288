package jp.cartflow.platform.errors;

/**
 * Something the client cannot fix: the installation is not configured, or a system we depend on does not answer.
 * The web edge answers 503/502 problem+json; on an engine path it fails the job, so the engine retries and then
 * raises an incident for an operator.
 */
public class TechnicalFailure extends RuntimeException {

    public enum Kind {
        /** the installation lacks a setting or seed it needs (503 not-configured) */
        NOT_CONFIGURED,
        /** a system we call (e.g. a payment gateway) did not answer (502) */
        UPSTREAM_UNAVAILABLE
    }

    private final Kind kind;
    private final String field;
    private final String rule;

    /** {@code field} and {@code rule} may be null; they tell the client what to retry and why it is safe. */
    public TechnicalFailure(Kind kind, String detail, String field, String rule, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
