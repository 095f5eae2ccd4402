package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.Map;

/**
 * Answer of {@code POST /v3/unify-status}: {@code success} is one of {@code true}, {@code false},
 * {@code pending}, {@code possession_required} (a string; see {@link #outcome()}). {@code proveId} and
 * {@code deviceId} come with success; there is no {@code deviceId} for desktop.
 */
public record UnifyStatusResponse(
        String success,
        String phoneNumber,
        String proveId,
        String deviceId,
        String clientHumanId,
        String clientRequestId,
        @JsonbTypeDeserializer(EvaluationDeserializer.class) Map<String, EvaluationCategory> evaluation) {

    public UnifyOutcome outcome() {
        return UnifyOutcome.of(success);
    }

    @Override
    public String toString() {
        return "UnifyStatusResponse[success=" + success + ", phoneNumber=" + Redacted.mask(phoneNumber) + ", proveId=" + proveId
                + ", deviceId=" + deviceId + ", clientHumanId=" + clientHumanId + ", clientRequestId="
                + clientRequestId + ", evaluation=" + evaluation + "]";
    }
}
