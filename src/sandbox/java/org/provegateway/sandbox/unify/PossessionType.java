package org.provegateway.sandbox.unify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code possessionType} of {@code /v3/unify}. */
public enum PossessionType {
    MOBILE, DESKTOP, NONE;

    public static final Set<String> WIRE_VALUES =
            Arrays.stream(values()).map(PossessionType::wire).collect(Collectors.toUnmodifiableSet());

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PossessionType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
