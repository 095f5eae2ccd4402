package org.provegateway.platform.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.provegateway.session.control.FlowSessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/**
 * The gateway's own metrics (MicroProfile Metrics, application scope, scraped at {@code /metrics}) for flows,
 * sessions, the expiry timer and the binding-health job. Prove calls are counted in {@code proveapi.ProveCalls}.
 *
 * <p>Every tag value comes from a small fixed set (enum names, operation names): never a phone number, flow id,
 * binding id or anything else a caller sent, so the series count stays bounded and no personal data is exported.
 */
@ApplicationScoped
public class GatewayMetrics {

    private static final Logger LOG = Logger.getLogger(GatewayMetrics.class.getName());

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
                this, GatewayMetrics::activeSessions);
    }

    /** A possession or identity flow was started at Prove ({@code kind}: possession/identity; {@code type}). */
    public void flowStarted(String kind, String type) {
        registry.counter(Metadata.builder().withName("flows.started").withDescription("Flows started at Prove")
                .build(), tag("kind", kind), tag("type", type)).inc();
    }

    /** A flow reached a final outcome (a FlowState name). */
    public void flowFinished(String kind, String outcome) {
        registry.counter(Metadata.builder().withName("flows.finished")
                .withDescription("Flows that reached a final outcome").build(), tag("kind", kind),
                tag("outcome", outcome)).inc();
    }

    /** One run of the flow-session expiry timer. */
    public void purgeRun(boolean succeeded, int removed) {
        registry.counter(Metadata.builder().withName("session.purge.runs")
                .withDescription("Runs of the flow-session expiry timer").build(),
                tag("outcome", succeeded ? "success" : "failure")).inc();
        registry.counter(Metadata.builder().withName("session.purge.removed")
                .withDescription("Expired flow sessions removed by the timer").build()).inc(removed);
    }

    /** A binding-health run ended ({@code outcome}: COMPLETED or FAILED). */
    public void bindingHealthRun(String outcome) {
        registry.counter(Metadata.builder().withName("binding.health.runs")
                .withDescription("Binding-health job executions that ended, per outcome").build(),
                tag("outcome", outcome)).inc();
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

    private static Tag tag(String name, String value) {
        return new Tag(name, value == null ? "unknown" : value.toLowerCase(Locale.ROOT));
    }
}
