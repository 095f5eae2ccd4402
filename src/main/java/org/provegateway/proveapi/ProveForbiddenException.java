package org.provegateway.proveapi;

import java.time.Duration;

/** Prove refused the step (HTTP 403), typically 1003 "step not allowed". */
public class ProveForbiddenException extends ProveHttpException {

    public ProveForbiddenException(Integer proveCode, String proveMessage, Duration retryAfter) {
        super(403, proveCode, proveMessage, retryAfter);
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
