package org.provegateway.proveapi.wire;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import java.util.Map;

/**
 * Answer of {@code POST /v3/validate}: {@code success} and {@code challengeMissing} are JSON booleans (a missing
 * value reads as {@code false}); {@code next} is {@code v3-challenge} (Pre-Fill) or {@code v3-complete}.
 */
public record ValidateResponse(
        boolean success,
        boolean challengeMissing,
        Map<String, String> next,
        String phoneNumber,
        @JsonbTypeDeserializer(EvaluationDeserializer.class) Map<String, EvaluationCategory> evaluation) {

    @Override
    public String toString() {
        return "ValidateResponse[success=" + success + ", challengeMissing=" + challengeMissing + ", next=" + next
                + ", phoneNumber=" + Redacted.mask(phoneNumber) + ", evaluation=" + evaluation + "]";
    }
}
