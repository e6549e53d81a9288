package jp.cartflow.mail.taglanguage;

import java.util.List;
import java.util.stream.Collectors;

/** A template that cannot be saved; carries every error found (subject errors before body errors). */
class TemplateValidationException extends RuntimeException {

    private final transient List<TemplateError> errors;

    public TemplateValidationException(List<TemplateError> errors) {
        super(errors.stream().map(TemplateError::message).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<TemplateError> errors() {
        return errors;
    }
}
