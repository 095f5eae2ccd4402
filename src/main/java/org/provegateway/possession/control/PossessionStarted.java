package org.provegateway.possession.control;

import java.time.Instant;

/**
 * A started Unified Authentication flow: the front end passes {@code authToken} to Prove's client SDK and keeps
 * {@code flowId} for the next steps. Prove's correlationId stays on the server.
 */
public record PossessionStarted(
        String flowId,
        String authToken,
        String possessionType,
        String status,
        String clientRequestId,
        boolean deviceRecovered,
        Instant expiresAt) {
}
