package org.provegateway.identity.control;

import java.time.Instant;

/**
 * A started Prove Identity flow: the front end passes {@code authToken} to Prove's client SDK and keeps
 * {@code flowId} for validate and complete. Prove's correlationId stays on the server.
 */
public record IdentityStarted(String flowId, String authToken, String flowType, String status, Instant expiresAt) {

    @Override
    public String toString() {
        return "IdentityStarted[flowId=" + flowId + ", flowType=" + flowType + ", status=" + status + "]";
    }
}
