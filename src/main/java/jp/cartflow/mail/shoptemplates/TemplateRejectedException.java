package jp.cartflow.mail.shoptemplates;

import java.util.List;

/** A template save refused: every problem found, each with its line and tag. */
class TemplateRejectedException extends RuntimeException {

    /** One problem: where (subject or body, line, column), the offending tag, its kind, and a message. */
    public record Problem(String part, int line, int column, String tag, String kind, String message) {
    }

    private final List<Problem> problems;

    public TemplateRejectedException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the template; first: " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
