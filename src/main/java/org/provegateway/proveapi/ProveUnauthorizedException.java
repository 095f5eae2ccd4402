package org.provegateway.proveapi;

import java.time.Duration;

/** Prove rejected the credentials or the bearer token (HTTP 401). */
public class ProveUnauthorizedException extends ProveHttpException {

    public ProveUnauthorizedException(Integer proveCode, String proveMessage, Duration retryAfter) {
        super(401, proveCode, proveMessage, retryAfter);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
