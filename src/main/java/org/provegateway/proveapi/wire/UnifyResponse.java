package org.provegateway.proveapi.wire;


/**
 * Answer of {@code POST /v3/unify}: {@code success} is the string {@code "pending"}; {@code authToken} is the
 * one-time JWT (about 15 min) for the client SDK and is optional in Prove's schema.
 */
public record UnifyResponse(
        String success,
        String correlationId,
        String authToken) {

    public UnifyOutcome outcome() {
        return UnifyOutcome.of(success);
    }

    @Override
    public String toString() {
        return "UnifyResponse[success=" + success + ", correlationId=" + correlationId
                + ", authToken=" + Redacted.mask(authToken) + "]";
    }
}
