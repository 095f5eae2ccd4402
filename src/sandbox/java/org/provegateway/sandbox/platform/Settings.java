package org.provegateway.sandbox.platform;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runtime-changeable numbers: flow TTL, access-token TTL and rate limit. Defaults come from MicroProfile Config
 * ({@code sandbox.flow-ttl-seconds} 900, {@code sandbox.token-ttl-seconds} 3600,
 * {@code sandbox.rate-limit-per-second} 25) and are restored by {@link #reset()}.
 */
public final class Settings {

    /** One consistent set of values. */
    public record Values(int flowTtlSeconds, int tokenTtlSeconds, int rateLimitPerSecond) {
    }

    private final Values defaults;
    private final AtomicReference<Values> current;

    public Settings(Values defaults) {
        this.defaults = defaults;
        this.current = new AtomicReference<>(defaults);
    }

    public Values current() {
        return current.get();
    }

    /** Behaviour choice: the flow TTL is applied when a flow is read, so changing it affects existing flows too. */
    public Duration flowTtl() {
        return Duration.ofSeconds(current.get().flowTtlSeconds());
    }

    /** Applied when a token is issued ({@code expires_in}); tokens already issued keep their expiry. */
    public Duration tokenTtl() {
        return Duration.ofSeconds(current.get().tokenTtlSeconds());
    }

    public int rateLimitPerSecond() {
        return current.get().rateLimitPerSecond();
    }

    /** Partial update: absent values stay as they are. */
    public Values update(OptionalInt flowTtlSeconds, OptionalInt tokenTtlSeconds, OptionalInt rateLimitPerSecond) {
        return current.updateAndGet(v -> new Values(
                flowTtlSeconds.orElse(v.flowTtlSeconds()),
                tokenTtlSeconds.orElse(v.tokenTtlSeconds()),
                rateLimitPerSecond.orElse(v.rateLimitPerSecond())));
    }

    public void reset() {
        current.set(defaults);
    }
}
