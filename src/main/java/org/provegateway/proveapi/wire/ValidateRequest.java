package org.provegateway.proveapi.wire;

/** Body of {@code POST /v3/validate}. */
public record ValidateRequest(String correlationId) {
}
