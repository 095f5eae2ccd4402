package org.provegateway.session.control;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.provegateway.platform.control.PurgeSettings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Settings of the flow-session store and its expiry timer ({@code session.*}). */
@ApplicationScoped
public class SessionConfig {

    /** How long a flow lives: Prove's correlationId expires 15 minutes after the flow starts. */
    @Inject
    @ConfigProperty(name = "session.ttl", defaultValue = "PT15M")
    Duration ttl;

    /**
     * How long an expired flow is kept before the timer removes it, so that a caller arriving just after expiry
     * is told "flow expired" (410) rather than "no such flow" (404).
     */
    @Inject
    @ConfigProperty(name = "session.purge.grace", defaultValue = "PT5M")
    Duration purgeGrace;

    @Inject
    Config config;

    private PurgeSettings purge;

    @PostConstruct
    void read() {
        purge = PurgeSettings.read(config, "session.purge");
    }

    public Duration ttl() {
        return ttl;
    }

    public Duration purgeGrace() {
        return purgeGrace;
    }

    /** {@code session.purge.interval}, {@code .batch-size}, {@code .max-duration}. */
    public PurgeSettings purge() {
        return purge;
    }
}
