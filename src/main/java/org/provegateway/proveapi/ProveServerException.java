package org.provegateway.proveapi;

import java.time.Duration;

/** Prove answered 5xx, or any other non-2xx status without a type of its own. */
public class ProveServerException extends ProveHttpException {

    public ProveServerException(int status, Integer proveCode, String proveMessage, Duration retryAfter) {
        super(status, proveCode, proveMessage, retryAfter);
    }

    /** 5xx may pass; an unexpected 3xx or 4xx will not. */
    @Override
    public boolean isTransient() {
        return status() >= 500;
    }
}
