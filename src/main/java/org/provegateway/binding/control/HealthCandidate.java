package org.provegateway.binding.control;

import java.time.Instant;

/** A live binding as the binding-health job reads it: just what its verdict needs. */
public record HealthCandidate(String id, Instant lastUsedAt, Instant warnedAt) {
}
