package org.provegateway.proveapi.wire;

/**
 * Body of {@code POST /v3/unify-bind}: only after {@code possession_required} and the integrator's own
 * possession check passed. {@code correlationId} and {@code phoneNumber} are required.
 */
public record UnifyBindRequest(String correlationId, String phoneNumber, String clientRequestId) {

    @Override
    public String toString() {
        return "UnifyBindRequest[correlationId=" + correlationId + ", phoneNumber=" + Redacted.mask(phoneNumber)
                + ", clientRequestId=" + clientRequestId + "]";
    }
}
