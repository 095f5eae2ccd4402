package org.provegateway.proveapi;

import java.time.Duration;
import java.util.Optional;

/**
 * The gateway did not call Prove because the call would have exceeded its share of Prove's rate limit
 * ({@code prove.api.rate-limit}) even after the longest allowed wait ({@code prove.api.rate-limit.max-wait}).
 * Prove was not asked and nothing changed there, so the same request may simply be sent again after
 * {@link #retryAfter()}.
 */
public class ProveThrottledException extends ProveApiException {

    private final Duration retryAfter;

    public ProveThrottledException(String operation, Duration retryAfter) {
        super("Prove API call '" + operation + "' held back: the outbound rate limit is used up", null);
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean isTransient() {
        return true;
    }

    /** When a call would next be allowed (never less than one second, as Retry-After counts whole seconds). */
    public Optional<Duration> retryAfter() {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return Optional.of(Duration.ofSeconds(seconds));
    }
}
