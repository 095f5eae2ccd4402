package org.provegateway.sandbox.keys;

import jakarta.json.JsonObject;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.users.TestUser;

/**
 * A Prove Key registration on a simulated device.
 *
 * @param deviceId the Prove Key id Prove returns as {@code deviceId}
 * @param device   the simulated device label (control API only; Prove knows no such thing)
 * @param user     the test user whose number the key is bound to
 */
public record ProveKey(String deviceId, String device, TestUser user, boolean revoked) {

    public boolean boundTo(TestUser other) {
        return user.number().equals(other.number());
    }

    ProveKey revoke() {
        return new ProveKey(deviceId, device, user, true);
    }

    /** Same {@code deviceId}, bound to another number (rebind). */
    ProveKey rebindTo(TestUser other) {
        return new ProveKey(deviceId, device, other, false);
    }

    public JsonObject toJson() {
        return JsonAnswer.object().add("device", device).add("deviceId", deviceId)
                .add("phoneNumber", user.number()).add("proveId", user.proveId()).add("revoked", revoked).build();
    }
}
