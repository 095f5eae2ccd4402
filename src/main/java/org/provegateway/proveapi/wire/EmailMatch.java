package org.provegateway.proveapi.wire;

/** Whether the e-mail address matched (a verdict, not the address). */
public record EmailMatch(Match emailAddress) {
}
