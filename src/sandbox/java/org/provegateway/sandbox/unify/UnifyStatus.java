package org.provegateway.sandbox.unify;

import jakarta.json.JsonObject;
import java.util.Optional;
import org.provegateway.sandbox.platform.JsonAnswer;

/**
 * An answer of {@code /v3/unify-status} or {@code /v3/unify-bind}. {@code success} is a JSON string:
 * {@code "true"}, {@code "false"}, {@code "pending"} or {@code "possession_required"}.
 */
public record UnifyStatus(String success, Optional<String> phoneNumber, Optional<String> proveId,
        Optional<String> deviceId, Optional<JsonObject> evaluation) {

    public static UnifyStatus of(String success, Optional<String> phoneNumber, Optional<JsonObject> evaluation) {
        return new UnifyStatus(success, phoneNumber, Optional.empty(), Optional.empty(), evaluation);
    }

    /**
     * The JSON answer, echoing {@code clientHumanId} and {@code clientRequestId} when known.
     */
    public JsonObject toJson(Optional<String> clientRequestId, Optional<String> clientHumanId) {
        return JsonAnswer.object().add("success", success)
                .addPresent("phoneNumber", phoneNumber)
                .addPresent("proveId", proveId)
                .addPresent("deviceId", deviceId)
                .addPresent("clientHumanId", clientHumanId)
                .addPresent("clientRequestId", clientRequestId)
                .addObject("evaluation", evaluation)
                .build();
    }
}
