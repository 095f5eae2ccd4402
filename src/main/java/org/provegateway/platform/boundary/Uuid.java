package org.provegateway.platform.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.UUID;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A UUID in its canonical 36-character form (either case), as the gateway hands out flow and binding ids. Parsed
 * with {@link UUID#fromString}, then compared with the parsed value's own rendering, because {@code fromString}
 * alone also accepts forms like {@code 1-1-1-1-1}. {@code null} is valid (use {@code @NotNull} to require it).
 */
@Documented
@Constraint(validatedBy = Uuid.Check.class)
@Target({PARAMETER, FIELD, TYPE_USE})
@Retention(RUNTIME)
public @interface Uuid {

    String message() default "must be a UUID (8-4-4-4-12 hexadecimal digits)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check behind {@link Uuid}. */
    class Check implements ConstraintValidator<Uuid, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isUuid(value);
        }

        static boolean isUuid(String value) {
            if (value.length() != 36) {
                return false;
            }
            try {
                return UUID.fromString(value).toString().equalsIgnoreCase(value);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
