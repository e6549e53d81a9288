package jp.cartflow.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The ceiling of a money amount in yen (price, fee, discount) or a point count: at most {@value #MAX}.
 * Above it → 422 {@code validation} naming the field (ApiExceptionHandler), long before a database CHECK or
 * an overflow in a job. The floor stays with {@code @PositiveOrZero} (below it → 400).
 */
@Max(Amount.MAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Amount {
    long MAX = 99_999_999L;

    String message() default "must be at most 99999999";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
