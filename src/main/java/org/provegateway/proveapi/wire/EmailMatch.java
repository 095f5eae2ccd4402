package org.provegateway.proveapi.wire;

/** Whether the e-mail address matched (a flag, not the address). */
public record EmailMatch(Boolean emailAddress) {
}
