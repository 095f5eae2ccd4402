package org.provegateway.sandbox.identity;

import java.util.Set;

/** {@code flowType} of {@code /v3/start}. */
public enum FlowType {
    MOBILE, DESKTOP;

    public static final Set<String> WIRE_VALUES = Set.of("mobile", "desktop");

    public static FlowType fromWire(String value) {
        return value.equals("desktop") ? DESKTOP : MOBILE;
    }
}
