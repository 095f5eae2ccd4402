package org.provegateway.proveapi.wire;

/** Name match scores (numbers, not names). */
public record NameMatch(Long firstName, Long lastName, Long nameScore) {
}
