package org.provegateway.proveapi.wire;

import java.util.Map;

/**
 * One category ({@code authentication}, {@code identification}, {@code risk}, {@code compliance}) of Prove's
 * Global Fraud Policy {@code evaluation}. Prove's SDK models drop these contents; the gateway needs them, e.g.
 * {@code failureReasons["9101"]} means "rebind required".
 *
 * @param result         {@code pass} or {@code fail}
 * @param failureReasons four-digit code (as a string) to description; only present when failing
 */
public record EvaluationCategory(String result, Map<String, String> failureReasons) {

    public boolean failed() {
        return "fail".equalsIgnoreCase(result);
    }

    public boolean hasFailureReason(String code) {
        return failureReasons != null && failureReasons.containsKey(code);
    }
}
