package org.provegateway.session.control;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Settings of the flow-session store and its expiry timer. */
@ApplicationScoped
public class SessionConfig {

    /** How long a flow lives: Prove's correlationId expires 15 minutes after the flow starts. */
    @Inject
    @ConfigProperty(name = "session.ttl", defaultValue = "PT15M")
    Duration ttl;

    /** How often the expiry timer runs. */
    @Inject
    @ConfigProperty(name = "session.purge.interval", defaultValue = "PT1M")
    Duration purgeInterval;

    /**
     * How long an expired flow is kept before the timer removes it, so that a caller arriving just after expiry
     * is told "flow expired" (410) rather than "no such flow" (404).
     */
    @Inject
    @ConfigProperty(name = "session.purge.grace", defaultValue = "PT5M")
    Duration purgeGrace;

    /** Rows deleted per transaction: small enough to keep locks short on a busy table. */
    @Inject
    @ConfigProperty(name = "session.purge.batch-size", defaultValue = "500")
    int purgeBatchSize;

    /** Batches per timer run, so one run never takes long; the next run continues. */
    @Inject
    @ConfigProperty(name = "session.purge.max-batches", defaultValue = "20")
    int purgeMaxBatches;

    public Duration ttl() {
        return ttl;
    }

    public Duration purgeInterval() {
        return purgeInterval;
    }

    public Duration purgeGrace() {
        return purgeGrace;
    }

    public int purgeBatchSize() {
        return purgeBatchSize;
    }

    public int purgeMaxBatches() {
        return purgeMaxBatches;
    }
}
