package org.provegateway.sandbox.auth;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.provegateway.sandbox.platform.Settings;

/**
 * Fixed one-second windows per client id (D7): within the current wall-clock second, requests beyond
 * {@code rateLimitPerSecond} (default 25) are refused. Refused requests count too.
 */
public final class RateLimiter {

    private record Window(long second, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Settings settings;
    private final Clock clock;

    public RateLimiter(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Counts the request; {@code false} when it is over the limit. */
    public boolean tryAcquire(String clientId) {
        long second = Math.floorDiv(clock.millis(), 1000L);
        Window window = windows.compute(clientId, (id, old) ->
                old == null || old.second() != second ? new Window(second, 1) : new Window(second, old.count() + 1));
        return window.count() <= settings.rateLimitPerSecond();
    }

    public void clear() {
        windows.clear();
    }
}
