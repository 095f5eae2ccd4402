package org.provegateway.binding.boundary;

import java.time.Instant;

import org.provegateway.binding.control.BindingHealthConfig;
import org.provegateway.binding.control.BindingHealthRuns;
import org.provegateway.binding.control.BindingHealthRuns.Verdict;
import org.provegateway.binding.control.HealthCandidate;
import org.provegateway.binding.entity.HealthOutcome;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Judges one binding: deactivate (unused for 12 months), warn (inside the warning window), or nothing. Every run
 * judges at its {@code asOf}, the gateway clock's time when the run began, so that a run continued after a failure
 * reaches the same verdicts as one that never failed.
 */
@Named("bindingHealthProcessor")
@Dependent
public class HealthJobProcessor implements ItemProcessor {

    @Inject
    @BatchProperty(name = "runId")
    String runId;

    @Inject
    BindingHealthRuns runs;

    @Inject
    BindingHealthConfig config;

    private Instant asOf;

    @Override
    public Object processItem(Object item) {
        if (asOf == null) {
            asOf = runs.find(runId).orElseThrow().asOf();
        }
        HealthCandidate binding = (HealthCandidate) item;
        return new Verdict(binding.id(),
                HealthOutcome.of(binding.lastUsedAt(), binding.warnedAt(), asOf, config.warningWindow()));
    }
}
