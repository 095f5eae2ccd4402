package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.Map;

/**
 * Answer of {@code POST /v3/complete}: {@code success} is a JSON boolean, {@code next} is
 * {@code {"done": "done"}}. {@code changeDetected} appears only in older documentation and SDKs.
 */
public record CompleteResponse(
        boolean success,
        Map<String, String> next,
        @JsonbTypeDeserializer(EvaluationDeserializer.class) Map<String, EvaluationCategory> evaluation,
        Idv idv,
        Kyc kyc,
        Boolean changeDetected) {
}
