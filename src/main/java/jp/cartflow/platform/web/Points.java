package jp.cartflow.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A point count or a yen-per-point rate: 0 … {@value #MAX}; out of bounds → 422 naming the field. */
@PositiveOrZero
@Max(Points.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Points {
    long MAX = 99_999_999L;

    String message() default "must be between 0 and 99999999 points";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
