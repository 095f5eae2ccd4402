package org.provegateway.proveapi;

import java.time.Duration;

/** Prove's rate limit (25 requests per second) was exceeded (HTTP 429); see {@link #retryAfter()}. */
public class ProveRateLimitedException extends ProveHttpException {

    public ProveRateLimitedException(Integer proveCode, String proveMessage, Duration retryAfter) {
        super(429, proveCode, proveMessage, retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
