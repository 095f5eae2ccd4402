package org.provegateway.proveapi.wire;

/** Body of {@code POST /v3/unify-status}; {@code correlationId} is required. */
public record UnifyStatusRequest(String correlationId, String clientRequestId) {
}
