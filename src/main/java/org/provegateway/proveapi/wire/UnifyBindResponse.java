package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.Map;

/**
 * Answer of {@code POST /v3/unify-bind}; same shape as {@link UnifyStatusResponse}, {@code success} is the
 * string {@code true} or {@code false}.
 */
public record UnifyBindResponse(
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
        return "UnifyBindResponse[success=" + success + ", phoneNumber=" + Redacted.mask(phoneNumber) + ", proveId=" + proveId
                + ", deviceId=" + deviceId + ", clientHumanId=" + clientHumanId + ", clientRequestId="
                + clientRequestId + ", evaluation=" + evaluation + "]";
    }
}
