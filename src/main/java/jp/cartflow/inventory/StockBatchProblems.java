package jp.cartflow.inventory;

import jp.cartflow.platform.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refused stock batch as problem+json: {@code line} and {@code field} of the first fault, {@code errors} all. */
@RestControllerAdvice(assignableTypes = StockBatchController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StockBatchProblems {

    @ExceptionHandler(StockBatchRejected.class)
    ResponseEntity<ProblemDetail> rejected(StockBatchRejected e) {
        ProblemType type = switch (e.status()) {
            case PAYLOAD_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNPROCESSABLE_ENTITY -> ProblemType.VALIDATION;
            default -> ProblemType.MALFORMED_REQUEST;
        };
        StockBatchRejected.Problem first = e.problems().get(0);
        String detail = e.problems().size() == 1 ? first.message()
                : e.problems().size() + " lines refused, the batch was not applied; first: " + first.message();
        ProblemDetail problem = type.problem(e.status(), detail);
        if (first.line() != null) {
            problem.setProperty("line", first.line());
        }
        problem.setProperty("field", first.field());
        problem.setProperty("errors", e.problems());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
