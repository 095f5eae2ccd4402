package org.provegateway.binding.control;

import java.util.Locale;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The binding registry's own metrics: {@code binding.health.runs} (outcome of each binding-health job run). */
@ApplicationScoped
public class BindingMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** A binding-health run ended ({@code outcome}: COMPLETED or FAILED). */
    public void bindingHealthRun(String outcome) {
        registry.counter(Metadata.builder().withName("binding.health.runs")
                .withDescription("Binding-health job executions that ended, per outcome").build(),
                new Tag("outcome", outcome == null ? "unknown" : outcome.toLowerCase(Locale.ROOT))).inc();
    }
}
