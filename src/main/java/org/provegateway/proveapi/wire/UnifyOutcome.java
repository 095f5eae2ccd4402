package org.provegateway.proveapi.wire;

import java.util.Arrays;

/**
 * The {@code success} string of {@code /v3/unify}, {@code /v3/unify-status} and {@code /v3/unify-bind}.
 * Prove sends it as a string, not a boolean; values this gateway does not know become {@link #UNKNOWN}
 * rather than failing the whole answer.
 */
public enum UnifyOutcome {
    SUCCESS("true"),
    FAILURE("false"),
    PENDING("pending"),
    POSSESSION_REQUIRED("possession_required"),
    UNKNOWN(null);

    private final String wireValue;

    UnifyOutcome(String wireValue) {
        this.wireValue = wireValue;
    }

    public static UnifyOutcome of(String success) {
        if (success == null) {
            return UNKNOWN;
        }
        String value = success.strip();
        return Arrays.stream(values())
                .filter(outcome -> outcome.wireValue != null && outcome.wireValue.equalsIgnoreCase(value))
                .findFirst()
                .orElse(UNKNOWN);
    }
}
