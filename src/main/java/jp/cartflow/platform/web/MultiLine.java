package jp.cartflow.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request text that may span lines (memo, mail body). Every other JSON string on /api is refused when it
 * carries CR, LF or another control character ({@link StrictJson}): names and addresses end up in mail
 * headers, CSV exports and logs.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
