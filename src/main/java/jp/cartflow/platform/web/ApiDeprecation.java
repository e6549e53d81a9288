package jp.cartflow.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an /api operation (or a whole controller) as deprecated under the versioning policy of docs/rest-api.md:
 * its answers carry {@code Deprecation} (RFC 9745), {@code Sunset} (RFC 8594) and, if there is one, a
 * {@code Link} to the successor; the OpenAPI document marks it deprecated. It keeps working until the sunset.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiDeprecation {

    /** The day it was deprecated, ISO date (e.g. "2026-12-01"). */
    String since();

    /** The first day it may answer 410 Gone, ISO date; at least six months after {@link #since()}. */
    String sunset();

    /** The path of what replaces it (e.g. "/api/v2/subscriptions/{subscriptionNo}"), or empty. */
    String successor() default "";
}
