package jp.cartflow.platform.errors;

/**
 * A request the domain refuses, in the domain's own terms: what kind of refusal it is, the field at fault (a JSON
 * path of the request, may be null) and the business rule id (e.g. {@code SUB-17}, may be null). Services throw it;
 * they know nothing of HTTP. The web edge turns it into problem+json; on an engine path it reaches whoever
 * completed the task or, in a job, becomes a failed job (retries, then an incident).
 */
public class DomainException extends RuntimeException {

    /** The kinds of refusal a client can act on. */
    public enum Kind {
        /** the thing named does not exist (for this shop / member) */
        NOT_FOUND,
        /** the request is valid but clashes with the current state (taken, running already, ended) */
        CONFLICT,
        /** the request itself is wrong: a malformed value ({@code rule} null) or a business rule refuses it */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String field;
    private final String rule;

    public DomainException(Kind kind, String detail, String field, String rule) {
        super(detail);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
    }

    public static DomainException notFound(String what, String field) {
        return new DomainException(Kind.NOT_FOUND, what + " not found", field, null);
    }

    public static DomainException invalid(String field, String detail) {
        return new DomainException(Kind.UNPROCESSABLE, detail, field, null);
    }

    public static DomainException conflict(String field, String detail) {
        return new DomainException(Kind.CONFLICT, detail, field, null);
    }

    /** A conflict with the state that a business rule names (e.g. SUB-24: an ended subscription). */
    public static DomainException conflict(String rule, String field, String detail) {
        return new DomainException(Kind.CONFLICT, detail, field, rule);
    }

    public static DomainException rule(String rule, String field, String detail) {
        return new DomainException(Kind.UNPROCESSABLE, detail, field, rule);
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
