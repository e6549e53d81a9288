package jp.cartflow.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;

/**
 * An unknown path under /api as problem+json ({@code not-found}). {@link ApiExceptionHandler} is scoped to
 * our controllers ({@code basePackages}), so it never sees a request that no controller matched: without
 * this, such a request got Boot's plain {@code application/json} error body. Other paths (webapps'
 * static files …) are left to Boot's default error handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnknownApiPathHandler {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> unknownPath(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e; // declined: the next resolver handles it as before
        }
        return problem(request, HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, "No such endpoint.");
    }

    /** Raised while Spring MVC looks for a handler (none chosen yet), so the scoped handler never sees them. */
    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> beforeAnyHandler(Exception e, HttpServletRequest request) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            return problem(request, HttpStatus.METHOD_NOT_ALLOWED, ProblemType.METHOD_NOT_ALLOWED, method.getMessage());
        }
        if (e instanceof HttpMediaTypeNotSupportedException media) {
            return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_MEDIA_TYPE, media.getMessage());
        }
        return problem(request, HttpStatus.NOT_ACCEPTABLE, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "This endpoint answers application/json or application/problem+json only.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status,
                                                         ProblemType type, String detail) {
        ProblemDetail problem = type.problem(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
