package org.provegateway.proveapi.wire;

/** What {@code toString()} of a wire record prints instead of personal data or a token. */
final class Redacted {

    private Redacted() {
    }

    /** {@code null} stays visible (it tells whether a field was sent); any value becomes {@code ***}. */
    static String mask(Object value) {
        return value == null ? "null" : "***";
    }
}
