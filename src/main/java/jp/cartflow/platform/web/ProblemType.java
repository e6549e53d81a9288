package jp.cartflow.platform.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * The stable {@code type} URIs of every /api error. Clients switch on the type, never on the text.
 * Documented in docs/rest-api.md.
 */
public enum ProblemType {
    UNAUTHENTICATED("unauthenticated", "Authentication required"),
    FORBIDDEN("forbidden", "Forbidden"),
    MALFORMED_REQUEST("malformed-request", "Malformed request"),
    VALIDATION("validation", "Invalid request"),
    NOT_FOUND("not-found", "Not found"),
    CONFLICT("conflict", "Conflict"),
    BUSINESS_RULE("business-rule", "Business rule violated"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    NOT_CONFIGURED("not-configured", "Not configured"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests"),
    INTERNAL("internal", "Internal error");

    public static final String BASE = "https://cartflow.jp/problems/";

    private final String slug;
    private final String title;

    ProblemType(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }

    public ProblemDetail problem(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri());
        problem.setTitle(title);
        return problem;
    }
}
