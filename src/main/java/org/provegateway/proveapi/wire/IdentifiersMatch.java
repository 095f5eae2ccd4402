package org.provegateway.proveapi.wire;

/** Whether date of birth, SSN last four and full SSN matched (verdicts, not values). */
public record IdentifiersMatch(Match dob, Match last4, Match ssn) {
}
