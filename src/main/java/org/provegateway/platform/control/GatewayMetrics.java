package org.provegateway.platform.control;

import java.util.Locale;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The flow counters {@code flows.started} and {@code flows.finished} (MicroProfile Metrics, application scope, scraped
 * at {@code /metrics}). The other metrics live with their components: {@code sessions.active} in
 * {@code session.control.SessionMetrics}, {@code binding.health.runs} in {@code binding.control.BindingMetrics}, the
 * purge timers' in {@link BatchedPurge}, Prove calls in {@code proveapi.ProveCalls}. These two stay here, knowing no
 * component, until the flows' own code takes them over.
 *
 * <p>Every tag value comes from a small fixed set (enum names, operation names): never a phone number, flow id,
 * binding id or anything else a caller sent, so the series count stays bounded and no personal data is exported.
 */
@ApplicationScoped
public class GatewayMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

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

    private static Tag tag(String name, String value) {
        return new Tag(name, value == null ? "unknown" : value.toLowerCase(Locale.ROOT));
    }
}
