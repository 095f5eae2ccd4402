package org.provegateway.binding.control;

import java.time.Instant;

/**
 * A binding-health run as callers see it: its status, the batch execution behind it, and its report (counts per
 * outcome; {@code checked} is their sum). {@code asOf} is the moment the run judges every binding at.
 */
public record RunView(
        String runId,
        String status,
        String trigger,
        Instant asOf,
        int warningDays,
        Instant startedAt,
        Instant finishedAt,
        Long executionId,
        String batchStatus,
        int executions,
        String lastBindingId,
        Counts counts,
        String failure) {

    /** How many live bindings the run checked, per outcome. */
    public record Counts(long checked, long deactivated, long warned, long alreadyWarned, long unchanged) {
    }
}
