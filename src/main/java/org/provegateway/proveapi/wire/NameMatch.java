package org.provegateway.proveapi.wire;

/** Name match results (verdicts and a score, never the names). */
public record NameMatch(Match firstName, Match lastName, Long nameScore) {
}
