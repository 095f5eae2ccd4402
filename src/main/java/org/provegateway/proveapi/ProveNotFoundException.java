package org.provegateway.proveapi;

import java.time.Duration;

/** Prove did not find the resource (HTTP 404), e.g. an unknown device id on revoke. */
public class ProveNotFoundException extends ProveHttpException {

    public ProveNotFoundException(Integer proveCode, String proveMessage, Duration retryAfter) {
        super(404, proveCode, proveMessage, retryAfter);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
