package jp.cartflow.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A request the domain refuses, with everything the client needs to fix it: the HTTP status, the
 * stable problem type, the field at fault (JSON path, may be null) and the business rule id (e.g.
 * {@code SUB-17}, may be null). Thrown by application services; turned into problem+json by
 * {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final ProblemType type;
    private final String field;
    private final String rule;

    public ApiException(HttpStatus status, ProblemType type, String detail, String field, String rule) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
        this.rule = rule;
    }

    public static ApiException notFound(String what, String field) {
        return new ApiException(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, what + " not found", field, null);
    }

    public static ApiException invalid(String field, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.VALIDATION, detail, field, null);
    }

    /** 400 {@code malformed-request}: the request cannot be read as sent (wrong characters, keys missing …). */
    public static ApiException malformed(String field, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_REQUEST, detail, field, null);
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail, field, null);
    }

    public static ApiException rule(String rule, String field, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE, detail, field, rule);
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
