package org.provegateway.session.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * The flow-session store's gauge {@code sessions.active}. (Its purge timer's metrics, {@code session.purge.*}, come
 * from the purge loop.)
 */
@ApplicationScoped
public class SessionMetrics {

    private static final Logger LOG = Logger.getLogger(SessionMetrics.class.getName());

    /**
     * How long the active-sessions count is reused: a scrape every few seconds must not become a {@code COUNT(*)}
     * every few seconds on a large table; 15 s is below any usual scrape interval's resolution of interest.
     */
    static final Duration ACTIVE_SESSIONS_CACHE = Duration.ofSeconds(15);

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    FlowSessions sessions;

    @Inject
    Clock clock;

    private volatile long activeSessions;
    private volatile Instant activeSessionsAt = Instant.EPOCH;

    void register(@Observes Startup startup) {
        registry.gauge(Metadata.builder().withName("sessions.active")
                .withDescription("Flow sessions not yet expired (counted at most every 15 s)").build(),
                this, SessionMetrics::activeSessions);
    }

    long activeSessions() {
        Instant now = clock.instant();
        if (now.isAfter(activeSessionsAt.plus(ACTIVE_SESSIONS_CACHE))) {
            try {
                activeSessions = sessions.countActive(now);
                activeSessionsAt = now;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "active-sessions gauge: database not available ({0})",
                        e.getClass().getSimpleName());
            }
        }
        return activeSessions;
    }
}
