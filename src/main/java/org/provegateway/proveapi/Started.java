package org.provegateway.proveapi;

/** A flow Prove started: its {@code correlationId} (stays on the server) and the client SDK's {@code authToken}. */
public record Started(String correlationId, String authToken) {

    @Override
    public String toString() {
        return "Started[correlationId=" + correlationId + ", authToken=***]";
    }
}
