package org.provegateway.binding.boundary;

import java.time.Clock;
import java.util.List;

import org.provegateway.binding.control.BindingHealthConfig;
import org.provegateway.binding.control.BindingHealthRuns;
import org.provegateway.binding.control.BindingHealthRuns.Verdict;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Writes a chunk of verdicts in the chunk's transaction: the bindings' new states with their history events, the
 * run's counts and checkpoint, and the cluster lock's renewal all commit together or not at all.
 */
@Named("bindingHealthWriter")
@Dependent
public class HealthJobWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    @BatchProperty(name = "claim")
    String claim;

    @Inject
    BindingHealthRuns runs;

    @Inject
    BindingHealthConfig config;

    @Inject
    Clock clock;

    @Override
    public void writeItems(List<Object> items) {
        List<Verdict> verdicts = items.stream().map(Verdict.class::cast).toList();
        runs.writeChunk(runId, claim, verdicts, config.warningWindow(), config.lockLease(), clock.instant());
    }
}
