package jp.cartflow.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jp.cartflow.platform.errors.DomainException;
import jp.cartflow.platform.errors.TechnicalFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every /api error as {@code application/problem+json}: a stable {@code type}, the {@code field}
 * (JSON path) or {@code rule} at fault, and never a stack trace.
 */
@RestControllerAdvice(basePackages = "jp.cartflow")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, WebRequest request) {
        return refused(e, e.type(), e.status(), e.field(), e.rule(), request);
    }

    /** The services' refusals: the kind picks status and type, field and rule are passed on unchanged. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, WebRequest request) {
        return switch (e.kind()) {
            case NOT_FOUND -> refused(e, ProblemType.NOT_FOUND, HttpStatus.NOT_FOUND, e.field(), e.rule(), request);
            case CONFLICT -> refused(e, ProblemType.CONFLICT, HttpStatus.CONFLICT, e.field(), e.rule(), request);
            case UNPROCESSABLE -> refused(e, e.rule() == null ? ProblemType.VALIDATION : ProblemType.BUSINESS_RULE,
                    HttpStatus.UNPROCESSABLE_ENTITY, e.field(), e.rule(), request);
        };
    }

    /** Not the client's fault and nothing written: 503 for a missing configuration, 502 for a silent upstream. */
    @ExceptionHandler(TechnicalFailure.class)
    ResponseEntity<Object> technical(TechnicalFailure e, WebRequest request) {
        log.warn("Technical failure on {}: {}", request.getDescription(false), e.getMessage());
        return switch (e.kind()) {
            case NOT_CONFIGURED -> refused(e, ProblemType.NOT_CONFIGURED, HttpStatus.SERVICE_UNAVAILABLE, e.field(),
                    e.rule(), request);
            case UPSTREAM_UNAVAILABLE -> refused(e, ProblemType.INTERNAL, HttpStatus.BAD_GATEWAY, e.field(), e.rule(),
                    request);
        };
    }

    private ResponseEntity<Object> refused(Exception e, ProblemType type, HttpStatus status, String field, String rule,
                                           WebRequest request) {
        ProblemDetail problem = type.problem(status, e.getMessage());
        if (field != null) {
            problem.setProperty("field", field);
        }
        if (rule != null) {
            problem.setProperty("rule", rule);
        }
        return handleExceptionInternal(e, problem, new HttpHeaders(), status, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, WebRequest request) {
        var violation = e.getConstraintViolations().iterator().next();
        String path = violation.getPropertyPath().toString();
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        ProblemDetail problem = ProblemType.VALIDATION.problem(HttpStatus.BAD_REQUEST, field + ": " + violation.getMessage());
        problem.setProperty("field", field);
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        ProblemDetail problem = ProblemType.MALFORMED_REQUEST.problem(HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' has the wrong type");
        problem.setProperty("field", e.getName());
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** A unique constraint hit by a concurrent request: the same request twice, or a taken key. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, WebRequest request) {
        log.info("Duplicate key refused: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemType.CONFLICT.problem(HttpStatus.CONFLICT,
                "This record exists already (it was probably created by an earlier request).");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), e);
        ProblemDetail problem = ProblemType.INTERNAL.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        return handleExceptionInternal(e, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String detail = errors.stream().map(f -> f.getField() + ": " + f.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemType.VALIDATION.problem(HttpStatus.BAD_REQUEST,
                detail.isEmpty() ? "Invalid request" : detail);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).getField());
            problem.setProperty("errors", errors.stream()
                    .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                    .toList());
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String detail = "The request body is not valid JSON.";
        Throwable cause = e.getMostSpecificCause();
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (mapping instanceof UnrecognizedPropertyException) {
                detail = "Unknown field '" + field + "'.";
            } else if (mapping instanceof InvalidFormatException || mapping instanceof MismatchedInputException) {
                detail = "'" + field + "' has the wrong type or format.";
            } else {
                detail = "'" + field + "' cannot be read.";
            }
        } else if (cause != null && cause.getMessage() != null && cause.getMessage().contains("No content")) {
            detail = "The request body is missing.";
        }
        ProblemDetail problem = ProblemType.MALFORMED_REQUEST.problem(HttpStatus.BAD_REQUEST, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, ProblemType.METHOD_NOT_ALLOWED.problem(status, e.getMessage()),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(status, e.getMessage()),
                headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, ProblemType.NOT_FOUND.problem(status, "No such endpoint."),
                headers, status, request);
    }

    private static ProblemType typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 409 -> ProblemType.CONFLICT;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 422 -> ProblemType.VALIDATION;
            default -> status.is5xxServerError() ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
        };
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null) {
            body = typeFor(status).problem(status, e.getMessage());
        } else if (body instanceof ProblemDetail problem && "about:blank".equals(String.valueOf(problem.getType()))) {
            ProblemType type = typeFor(status);
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }
}
