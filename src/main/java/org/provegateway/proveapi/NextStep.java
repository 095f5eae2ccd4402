package org.provegateway.proveapi;

import java.util.Map;

/** The step Prove's {@code next} map offers after validate or challenge. */
public enum NextStep {
    /** Pre-Fill: {@code /v3/challenge}. */
    CHALLENGE,
    /** {@code /v3/complete}. */
    COMPLETE,
    /** Nothing the gateway can take. */
    NONE;

    /** Prove's {@code next} map: a challenge offer wins (Pre-Fill asks for it before complete). */
    static NextStep of(Map<String, String> next) {
        if (next == null) {
            return NONE;
        }
        return next.containsKey("v3-challenge") ? CHALLENGE : next.containsKey("v3-complete") ? COMPLETE : NONE;
    }
}
