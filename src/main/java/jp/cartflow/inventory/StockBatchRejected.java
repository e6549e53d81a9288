package jp.cartflow.inventory;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A stock batch refused as a whole (INV-1: nothing of it is applied), with every line and field at fault. */
class StockBatchRejected extends RuntimeException {

    /** {@code line} is null for a problem of the whole request (e.g. the batch id). */
    record Problem(Integer line, String field, String message) {
    }

    private final HttpStatus status;
    private final List<Problem> problems;

    StockBatchRejected(HttpStatus status, List<Problem> problems) {
        super(problems.get(0).message());
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    static StockBatchRejected of(HttpStatus status, Integer line, String field, String message) {
        return new StockBatchRejected(status, List.of(new Problem(line, field, message)));
    }

    HttpStatus status() {
        return status;
    }

    List<Problem> problems() {
        return problems;
    }
}
