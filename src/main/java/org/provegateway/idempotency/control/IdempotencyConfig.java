package org.provegateway.idempotency.control;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.provegateway.platform.control.PurgeSettings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Settings of {@code Idempotency-Key} handling. */
@ApplicationScoped
public class IdempotencyConfig {

    /**
     * How long an answer is kept for repeats. 15 minutes, the life of a flow and of Prove's client authToken in
     * it: a repeat after that would only get a flow that has already expired, and the answer (which carries the
     * authToken) is kept no longer than Prove honours it.
     */
    @Inject
    @ConfigProperty(name = "idempotency.ttl", defaultValue = "PT15M")
    Duration ttl;

    /**
     * How long a repeat waits for the first request with its key to finish before it gets a 409
     * {@code request-in-progress} problem. 20 s: longer than the slowest first request (a Prove call's 17 s
     * fault-tolerance timeout, which includes its wait for the rate limit), so a repeat normally gets the answer.
     */
    @Inject
    @ConfigProperty(name = "idempotency.wait", defaultValue = "PT20S")
    Duration wait;

    /**
     * How long an unfinished first request holds its key. Only matters when a node stops in mid-request: after
     * this the key is free again. 1 minute: well beyond the slowest request, so a running one is never taken over.
     */
    @Inject
    @ConfigProperty(name = "idempotency.lease", defaultValue = "PT1M")
    Duration lease;

    @Inject
    Config config;

    private PurgeSettings purge;

    @PostConstruct
    void read() {
        purge = PurgeSettings.read(config, "idempotency.purge");
    }

    /** {@code idempotency.purge.interval}, {@code .batch-size}, {@code .max-duration}: removal of expired records. */
    public PurgeSettings purge() {
        return purge;
    }

    public Duration ttl() {
        return ttl;
    }

    public Duration waitLimit() {
        return wait;
    }

    public Duration lease() {
        return lease;
    }
}
