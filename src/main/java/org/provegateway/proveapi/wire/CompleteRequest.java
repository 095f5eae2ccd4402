package org.provegateway.proveapi.wire;

/**
 * Body of {@code POST /v3/complete}. Prove answers 400 unless the individual has first and last name, or an
 * SSN.
 */
public record CompleteRequest(String correlationId, Individual individual) {

    @Override
    public String toString() {
        return "CompleteRequest[correlationId=" + correlationId + ", individual=" + individual + "]";
    }
}
