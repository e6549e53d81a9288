package jp.cartflow.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request record that replaces a stored whole (a settings PUT): every component must be present in the
 * JSON, nested records of this kind too. A left-out key → 400 naming it, never a silently stored null;
 * an explicit {@code null} stays possible where the record allows it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CompleteReplacement {
}
