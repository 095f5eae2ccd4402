package org.provegateway.proveapi.wire;

/** Whether date of birth, SSN last four and full SSN matched (flags, not values). */
public record IdentifiersMatch(Boolean dob, Boolean last4, Boolean ssn) {
}
