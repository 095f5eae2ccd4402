package org.provegateway.proveapi.wire;

/** Body of {@code POST /v3/device/revoke}; both fields are required. */
public record DeviceRevokeRequest(String clientRequestId, String deviceId) {
}
