package org.provegateway.sandbox.flows;

import java.time.Instant;

/** The identifiers Prove hands out for a flow: {@code correlationId} (server) and {@code authToken} (Web SDK). */
public record FlowIds(String correlationId, String authToken, Instant createdAt) {
}
