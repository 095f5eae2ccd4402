package org.provegateway.proveapi.wire;

/** Answer of {@code POST /v3/device/revoke}; unlike Unify, {@code success} is a JSON boolean here. */
public record DeviceRevokeResponse(boolean success) {
}
