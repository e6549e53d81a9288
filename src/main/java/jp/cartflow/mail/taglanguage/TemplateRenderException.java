package jp.cartflow.mail.taglanguage;

/** A valid template could not be rendered with the given data, e.g. date_format on a non-date attribute value. */
class TemplateRenderException extends RuntimeException {

    public TemplateRenderException(String message) {
        super(message);
    }
}
