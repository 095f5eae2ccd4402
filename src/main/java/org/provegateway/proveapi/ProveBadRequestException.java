package org.provegateway.proveapi;

import java.time.Duration;

/**
 * Prove rejected the request (HTTP 400): missing or malformed field (1001, 8001), unknown correlation id (8008),
 * sandbox user not found (8007), revoked device (8019).
 */
public class ProveBadRequestException extends ProveHttpException {

    public ProveBadRequestException(Integer proveCode, String proveMessage, Duration retryAfter) {
        super(400, proveCode, proveMessage, retryAfter);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
